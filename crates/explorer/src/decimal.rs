//! Decimal text to `f64` without the standard library's float parser, with the very same
//! results: [`parse_finite`] is `s.parse::<f64>()` kept when finite (the range filter and the
//! URL's `min`/`max`).
//!
//! Why: in the web app, `str::parse::<f64>` brings a 10 KB table of powers of five (random
//! bytes that gzip cannot shrink) and its own big-number code: about a twentieth of the
//! compressed wasm, for two text fields. The parse is exact here too, with a small big
//! integer: the correctly rounded double nearest to the decimal, ties to even. The tests
//! compare it with the standard library on random, boundary and halfway inputs.
//!
//! (Formatting needs no such thing: `{:.N}` of an `f64` costs nothing more, since plotters
//! already links `f64`'s `Display`, which holds the fixed-precision code too.)

use std::cmp::Ordering;

/// Significant digits kept from a decimal input. Deciding how a decimal rounds never needs
/// more than 767 of them (the longest expansion of a point halfway between two doubles); the
/// digits beyond are replaced by one nonzero digit when any of them is nonzero, which keeps
/// the value strictly between the same two such points.
const MAX_DIGITS: usize = 800;

/// `s.parse::<f64>()` when that gives a finite number; `None` for text the standard library
/// refuses, for "inf", "infinity" and "nan" (any case), and for values that overflow.
///
/// The grammar is the standard library's: an optional sign, digits with an optional `.`
/// (at least one digit on either side), an optional exponent `e`/`E`, sign, digits.
pub fn parse_finite(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    // value = digits × 10^exp10, digits without leading zeros.
    let mut digits: Vec<u8> = Vec::new();
    let mut exp10: i64 = 0;
    let mut sticky = false;
    let mut seen_digit = false;
    let mut in_fraction = false;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() {
            seen_digit = true;
            let d = c - b'0';
            if digits.len() < MAX_DIGITS {
                if d != 0 || !digits.is_empty() {
                    digits.push(d);
                }
                if in_fraction {
                    exp10 -= 1;
                }
            } else {
                sticky |= d != 0;
                if !in_fraction {
                    exp10 += 1;
                }
            }
        } else if c == b'.' && !in_fraction {
            in_fraction = true;
        } else {
            break;
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(&c) = b.get(i) {
        if c | 0x20 != b'e' {
            return None;
        }
        i += 1;
        let exp_negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        if i == b.len() {
            return None;
        }
        let mut e: i64 = 0;
        for &c in &b[i..] {
            if !c.is_ascii_digit() {
                return None;
            }
            // Saturates far beyond any finite double: the value is then 0 or infinite anyway.
            e = (e * 10 + i64::from(c - b'0')).min(1 << 40);
        }
        exp10 += if exp_negative { -e } else { e };
    }
    if sticky {
        digits.push(1);
        exp10 -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    let zero = if negative { -0.0 } else { 0.0 };
    let magnitude = digits.len() as i64 + exp10; // value < 10^magnitude
    if digits.is_empty() || magnitude < -330 {
        // Below 10^-330, far under half the smallest subnormal (2.47e-324): rounds to zero.
        return Some(zero);
    }
    if magnitude > 310 {
        return None;
    }
    let mut num = Big::from_digits(&digits);
    let mut den = Big::one();
    if exp10 >= 0 {
        num.mul_pow10(exp10 as u32);
    } else {
        den.mul_pow10(exp10.unsigned_abs() as u32);
    }
    // Scale by 2^-k so that the quotient has 54 or 55 bits (fewer for subnormals), then round
    // it to the 53 bits of a double (or to the subnormal grid at 2^-1074).
    let k = (num.bits() as i64 - den.bits() as i64 - 54).max(-1074);
    if k < 0 {
        num.shl(k.unsigned_abs() as usize);
    } else {
        den.shl(k as usize);
    }
    let (q, rest) = num.div_small_quotient(&den);
    let shift = (64 - q.leading_zeros()).saturating_sub(53);
    let mut m = q >> shift;
    let round_up = if shift == 0 {
        // Compare the remainder with half the divisor.
        let mut twice = rest.clone();
        twice.shl(1);
        match twice.cmp(&den) {
            Ordering::Greater => true,
            Ordering::Equal => m & 1 == 1,
            Ordering::Less => false,
        }
    } else {
        let low = q & ((1 << shift) - 1);
        let half = 1 << (shift - 1);
        low > half || (low == half && (!rest.is_zero() || m & 1 == 1))
    };
    let mut e2 = k + i64::from(shift);
    if round_up {
        m += 1;
        if m == 1 << 53 {
            m = 1 << 52;
            e2 += 1;
        }
    }
    let bits = if m >= 1 << 52 {
        let biased = e2 + 1075;
        if biased >= 2047 {
            return None;
        }
        (biased as u64) << 52 | (m - (1 << 52))
    } else {
        // Subnormal: k was clamped to -1074, so m is the stored fraction.
        m
    };
    let v = f64::from_bits(bits);
    Some(if negative { -v } else { v })
}

/// A non-negative big integer: little-endian base-2^32 limbs, no trailing zero limb.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    /// Decimal digits (values 0–9), most significant first.
    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let mut scale = 1;
            let mut add = 0;
            for &d in chunk {
                scale *= 10;
                add = add * 10 + u32::from(d);
            }
            b.mul_small(scale);
            b.add_small(add);
        }
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn bits(&self) -> usize {
        match self.0.last() {
            Some(&top) => self.0.len() * 32 - top.leading_zeros() as usize,
            None => 0,
        }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let x = u64::from(*limb) * u64::from(m) + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn add_small(&mut self, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            if carry == 0 {
                return;
            }
            let x = u64::from(*limb) + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_small(1_000_000_000);
            n -= 9;
        }
        self.mul_small(10u32.pow(n));
    }

    fn shl(&mut self, bits: usize) {
        if self.is_zero() {
            return;
        }
        let (limbs, bits) = (bits / 32, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let x = *limb;
                *limb = x << bits | carry;
                carry = x >> (32 - bits);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// `self - other`, for `other <= self`.
    fn sub(&self, other: &Big) -> Big {
        let mut out = self.clone();
        let mut borrow = 0i64;
        for (i, limb) in out.0.iter_mut().enumerate() {
            let x = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(x < 0);
            *limb = x.rem_euclid(1 << 32) as u32;
        }
        out.trim();
        out
    }

    /// `(self / d, self % d)` for a quotient below 2^64 (here below 2^56), by shift and
    /// subtract.
    fn div_small_quotient(&self, d: &Big) -> (u64, Big) {
        let mut rest = self.clone();
        let mut q = 0u64;
        for bit in (0..64).rev() {
            if d.bits() + bit > rest.bits() {
                continue;
            }
            let mut t = d.clone();
            t.shl(bit);
            if t.cmp(&rest) != Ordering::Greater {
                rest = rest.sub(&t);
                q |= 1 << bit;
            }
        }
        (q, rest)
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn std_parse(s: &str) -> Option<f64> {
        s.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    fn same(a: Option<f64>, b: Option<f64>) -> bool {
        a.map(f64::to_bits) == b.map(f64::to_bits)
    }

    fn check_parse(s: &str) {
        assert!(
            same(parse_finite(s), std_parse(s)),
            "{s:?}: {:?} vs std {:?}",
            parse_finite(s),
            std_parse(s)
        );
    }

    /// The exact decimal expansion of m × 2^e, with plain decimal digits: m × 2^e for e >= 0,
    /// m × 5^-e / 10^-e otherwise.
    fn exact(m: u64, e: i64) -> String {
        // Little-endian decimal digits.
        let mut digits: Vec<u8> = m.to_string().bytes().rev().map(|b| b - b'0').collect();
        let times = |digits: &mut Vec<u8>, f: u8| {
            let mut carry = 0;
            for d in digits.iter_mut() {
                let x = *d * f + carry;
                *d = x % 10;
                carry = x / 10;
            }
            if carry > 0 {
                digits.push(carry);
            }
        };
        let k = if e >= 0 {
            for _ in 0..e {
                times(&mut digits, 2);
            }
            0
        } else {
            for _ in 0..-e {
                times(&mut digits, 5);
            }
            e.unsigned_abs() as usize
        };
        while digits.len() <= k {
            digits.push(0);
        }
        let text: String = digits.iter().rev().map(|d| char::from(b'0' + d)).collect();
        let point = text.len() - k;
        if k == 0 {
            text
        } else {
            format!("{}.{}", &text[..point], &text[point..])
        }
    }

    #[test]
    fn parses_like_the_standard_library() {
        for s in [
            "0",
            "-0",
            "+0",
            "1",
            "13.3",
            "13,3",
            "2.5e6",
            "2.5E-6",
            "1e",
            "1e+",
            "e5",
            ".",
            "-.",
            ".5",
            "5.",
            "5.e3",
            ".e3",
            "1_000",
            "0x10",
            " 1",
            "1 ",
            "",
            "-",
            "+",
            "inf",
            "-inf",
            "Infinity",
            "NaN",
            "nan",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "2e-308",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.47e-324",
            "1e-400",
            "-1e-400",
            "9007199254740993",
            "9007199254740992.5",
            "9007199254740993.0000000000000000000000000000001",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "0e99999999999999999999",
            "0.000000000000000000000000000000000000000000001e45",
            "1..2",
            "1.2.3",
            "--1",
            "1e--1",
            "١٢",
            "12٫5",
            "0.1",
            "0.3",
            "123456789012345678901234567890",
        ] {
            check_parse(s);
        }
        // Long inputs: more digits than MAX_DIGITS, with the decisive digit far away.
        let long = format!("9007199254740993{}1", "0".repeat(900));
        check_parse(&long);
        check_parse(&format!("0.{}1e10", "0".repeat(1000)));
        check_parse(&format!("{}e-900", "1".repeat(1000)));
    }

    #[test]
    fn halfway_points_round_to_even_like_the_standard_library() {
        // Between two neighbouring doubles, the midpoint and its closest neighbours in decimal.
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut checked = 0;
        while checked < 300 {
            let bits = next() & 0x7fef_ffff_ffff_ffff;
            let v = f64::from_bits(bits);
            let exp = ((bits >> 52) & 0x7ff) as i64;
            let frac = bits & ((1 << 52) - 1);
            let (m, e) = if exp == 0 {
                (frac, -1074)
            } else {
                (frac | 1 << 52, exp - 1075)
            };
            let mid = exact(2 * m + 1, e - 1);
            check_parse(&mid);
            check_parse(&format!("-{mid}"));
            let up = if mid.contains('.') {
                format!("{mid}0000000001")
            } else {
                format!("{mid}.0000000001")
            };
            check_parse(&up);
            assert!(same(parse_finite(&exact(m, e)), Some(v)), "{v:e}");
            checked += 1;
        }
    }

    proptest! {
        #[test]
        fn random_doubles_parse_back_from_their_texts(bits in any::<u64>(), p in 0usize..20) {
            let v = f64::from_bits(bits);
            for s in [format!("{v}"), format!("{v:e}"), format!("{v:.p$e}"), format!("{v:?}")] {
                prop_assert!(same(parse_finite(&s), std_parse(&s)), "{}", s);
            }
        }

        #[test]
        fn decimal_texts_parse_like_the_standard_library(
            int in "[0-9]{0,25}",
            frac in proptest::option::of("[0-9]{0,25}"),
            exp in proptest::option::of(-400i32..400),
            sign in "[-+]?",
        ) {
            let mut s = format!("{sign}{int}");
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            if let Some(e) = exp {
                s.push_str(&format!("e{e}"));
            }
            prop_assert!(same(parse_finite(&s), std_parse(&s)), "{}", s);
        }

        #[test]
        fn any_text_parses_like_the_standard_library(s in "[-+0-9.eEinfatyIN ]{0,12}") {
            prop_assert!(same(parse_finite(&s), std_parse(&s)), "{}", s);
        }
    }
}
