//! The one sort routine of a search, shared by the index's derived tables and the query engine.

/// Sorts integer keys in increasing order: the one sort routine of a search (hits, facet
/// lists, a phrase word's occurrences). An insertion sort for a few keys, else a radix sort,
/// byte by byte from the lowest, skipping the bytes every key shares (a hit's rank fits in
/// two). Both are plain loops, which stay fast in the size-optimized wasm build, where the
/// standard library's comparison sorts run several times slower than natively.
pub fn sort_keys(keys: &mut Vec<u64>) {
    let n = keys.len();
    if n <= 32 {
        let k = keys.as_mut_slice();
        for i in 1..n {
            let key = k[i];
            let mut j = i;
            while j > 0 && k[j - 1] > key {
                k[j] = k[j - 1];
                j -= 1;
            }
            k[j] = key;
        }
        return;
    }
    // The bytes where keys differ: the others need no pass.
    let (mut any, mut all) = (0u64, u64::MAX);
    for &k in keys.iter() {
        any |= k;
        all &= k;
    }
    let varying = any ^ all;
    let mut src = std::mem::take(keys);
    let mut dst = vec![0u64; n];
    let mut c = [0u32; 256];
    for shift in (0..64).step_by(8) {
        if (varying >> shift) as u8 == 0 {
            continue;
        }
        c.fill(0);
        let from = src.as_slice();
        for &k in from {
            c[(k >> shift) as u8 as usize] += 1;
        }
        let mut sum = 0;
        for x in c.iter_mut() {
            let here = *x;
            *x = sum;
            sum += here;
        }
        let to = dst.as_mut_slice();
        for &k in from {
            let slot = &mut c[(k >> shift) as u8 as usize];
            if let Some(d) = to.get_mut(*slot as usize) {
                *d = k;
            }
            *slot += 1;
        }
        std::mem::swap(&mut src, &mut dst);
    }
    *keys = src;
}
