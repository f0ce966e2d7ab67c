//! Many files at once: they are analysed one after the other (the page stays responsive and
//! shows "n / total"), each refusal is kept with its file's name, and the refused files store
//! nothing while the accepted ones are added.

use crate::problem::Problem;

/// The state of one batch of files, in the order they were chosen or dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    names: Vec<String>,
    added: Vec<String>,
    refused: Vec<(String, Problem)>,
}

impl Batch {
    pub fn new(names: Vec<String>) -> Batch {
        Batch {
            names,
            ..Batch::default()
        }
    }

    /// The next file to process (its index and name), `None` once all are done.
    pub fn next(&self) -> Option<(usize, &str)> {
        let i = self.done();
        self.names.get(i).map(|n| (i, n.as_str()))
    }

    /// Records the outcome of the file [`Batch::next`] gave: the id it was added under, or
    /// why it was refused.
    pub fn record(&mut self, outcome: Result<String, Problem>) {
        let Some((_, name)) = self.next() else {
            return;
        };
        let name = name.to_string();
        match outcome {
            Ok(id) => self.added.push(id),
            Err(problem) => self.refused.push((name, problem)),
        }
    }

    /// How many files are done (added or refused).
    pub fn done(&self) -> usize {
        self.added.len() + self.refused.len()
    }

    pub fn total(&self) -> usize {
        self.names.len()
    }

    pub fn is_finished(&self) -> bool {
        self.done() == self.total()
    }

    /// The ids added so far, in order.
    pub fn added(&self) -> &[String] {
        &self.added
    }

    /// The refused files, each with its reason.
    pub fn refused(&self) -> &[(String, Problem)] {
        &self.refused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn processes_every_file_in_turn_and_keeps_each_refusal() {
        let names: Vec<String> = (1..=100).map(|i| format!("a{i}.txt")).collect();
        let mut batch = Batch::new(names);
        let mut seen = Vec::new();
        while let Some((i, name)) = batch.next() {
            assert_eq!(batch.done(), i);
            seen.push(name.to_string());
            if i % 10 == 9 {
                batch.record(Err(Problem::Empty));
            } else {
                batch.record(Ok(format!("own-{i}")));
            }
        }
        assert!(batch.is_finished());
        assert_eq!(batch.total(), 100);
        assert_eq!(seen.len(), 100);
        assert_eq!(seen[0], "a1.txt");
        assert_eq!(batch.added().len(), 90);
        assert_eq!(batch.refused().len(), 10);
        assert_eq!(batch.refused()[0].0, "a10.txt");
        // Recording past the end changes nothing.
        batch.record(Ok("own-x".into()));
        assert_eq!(batch.done(), 100);
    }
}
