//! The small containers of the reader (`corpus.rs`): loaded files by number, and sets of a
//! few files or stems; plain vectors, for the app's code size.

/// Loaded files of one kind, by number: a vector, not a map (the app's code stays small, and
/// numbers are dense).
pub(super) struct Slots<T>(Vec<Option<T>>);

impl<T> Default for Slots<T> {
    fn default() -> Self {
        Slots(Vec::new())
    }
}

impl<T> Slots<T> {
    pub(super) fn get(&self, n: u32) -> Option<&T> {
        self.0.get(n as usize)?.as_ref()
    }
    pub(super) fn contains(&self, n: u32) -> bool {
        self.get(n).is_some()
    }
    pub(super) fn insert(&mut self, n: u32, value: T) {
        let n = n as usize;
        if self.0.len() <= n {
            self.0.resize_with(n + 1, || None);
        }
        self.0[n] = Some(value);
    }
    /// The loaded ones, by number.
    pub(super) fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().flatten()
    }
}

/// A small set as a sorted vector, in order: `BTreeSet`'s code costs the app's wasm kilobytes
/// per element type, and these sets hold a few files or stems.
pub(super) struct Set<T>(pub(super) Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub(super) fn insert(&mut self, x: T) {
        if let Err(i) = self.0.binary_search(&x) {
            self.0.insert(i, x);
        }
    }
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
