//! Extraction throughput in MB/s (`cargo bench --bench extract`), on about 5 MB of French press
//! text built at start from the seed articles by `raqmi_testkit::synth::seed_variants`: each
//! seed repeated with its digits rotated and its paragraphs in a rotated order, so the numbers
//! and the text around them vary.
//!
//! - `ingest+figures+entities`: `ingest_text` on each article (boilerplate, paragraphs,
//!   sentences, date, and both extractors on the cleaned text): the build script's work;
//! - `figures`: `extract_figures` alone on each article's text;
//! - `entities`: `extract_entities` alone on each article's text;
//! - `meaning`: `meaning::annotate` alone on each analysed article (subject, actor, event,
//!   period and measure of its figures), throughput counted on the same bytes.
//!
//! One thread. Each is measured twice: `extract/…` in wall-clock time (criterion's default) and
//! `extract-cpu/…` in the benchmark thread's own on-CPU time (Linux
//! `/proc/thread-self/schedstat`), which stays a per-core figure on a busy shared machine where
//! wall-clock time also counts the time the thread waited for a core.

mod bench {
    use criterion::measurement::{Measurement, ValueFormatter};
    use criterion::{black_box, Criterion, Throughput};
    use raqmi_extract::entities::extract_entities;
    use raqmi_extract::figures::extract_figures;
    use raqmi_extract::ingest::{ingest_text, Overrides};
    use std::time::Duration;

    /// Text measured: 5 MiB asked, 1,025 articles and 5.27 MB with today's seeds. Changing it
    /// makes throughput figures incomparable with earlier runs.
    const TARGET_BYTES: usize = 5 * 1024 * 1024;

    /// The calling thread's on-CPU time in nanoseconds (Linux), or `None` where unavailable.
    fn thread_cpu_ns() -> Option<u64> {
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        stat.split_whitespace().next()?.parse().ok()
    }

    /// Criterion measurement: on-CPU time of the benchmark thread.
    pub struct ThreadCpuTime;

    impl Measurement for ThreadCpuTime {
        type Intermediate = u64;
        type Value = u64;
        fn start(&self) -> u64 {
            thread_cpu_ns().unwrap_or(0)
        }
        fn end(&self, start: u64) -> u64 {
            thread_cpu_ns().unwrap_or(0).saturating_sub(start)
        }
        fn add(&self, a: &u64, b: &u64) -> u64 {
            a + b
        }
        fn zero(&self) -> u64 {
            0
        }
        fn to_f64(&self, v: &u64) -> f64 {
            *v as f64
        }
        fn formatter(&self) -> &dyn ValueFormatter {
            &CpuFormatter
        }
    }

    /// Values in ms of CPU time, throughputs in MB/s (10^6 bytes) of CPU time.
    struct CpuFormatter;

    impl ValueFormatter for CpuFormatter {
        fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
            values.iter_mut().for_each(|v| *v /= 1e6);
            "ms (cpu)"
        }
        fn scale_throughputs(
            &self,
            _typical: f64,
            t: &Throughput,
            values: &mut [f64],
        ) -> &'static str {
            let (amount, unit) = match *t {
                Throughput::Bytes(n) | Throughput::BytesDecimal(n) => {
                    (n as f64 / 1e6, "MB/s (cpu)")
                }
                Throughput::Elements(n) => (n as f64, "elem/s (cpu)"),
            };
            values.iter_mut().for_each(|v| *v = amount * 1e9 / *v);
            unit
        }
        fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
            "ns"
        }
    }

    fn group<M: Measurement>(c: &mut Criterion<M>, name: &str, articles: &[String]) {
        let bytes: usize = articles.iter().map(String::len).sum();
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::BytesDecimal(bytes as u64));
        g.sample_size(10);
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(6));
        let none = Overrides::default();
        g.bench_function("ingest+figures+entities", |b| {
            b.iter(|| {
                let mut n = 0;
                for a in articles {
                    let doc = ingest_text("bench", "bench.txt", black_box(a), &none).unwrap();
                    n += doc.figures.len() + doc.entities.len();
                }
                n
            })
        });
        g.bench_function("figures", |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| extract_figures(black_box(a)).len())
                    .sum::<usize>()
            })
        });
        g.bench_function("entities", |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| extract_entities(black_box(a)).len())
                    .sum::<usize>()
            })
        });
        // The meaning pass alone, on documents already analysed (it is idempotent).
        let mut docs: Vec<_> = articles
            .iter()
            .map(|a| ingest_text("bench", "bench.txt", a, &none).unwrap())
            .collect();
        g.bench_function("meaning", |b| {
            b.iter(|| {
                for d in docs.iter_mut() {
                    raqmi_extract::meaning::annotate(black_box(d));
                }
            })
        });
        g.finish();
    }

    pub fn main() {
        let articles = raqmi_testkit::synth::seed_variants(TARGET_BYTES);
        let bytes: usize = articles.iter().map(String::len).sum();
        eprintln!(
            "corpus: {} articles, {:.2} MB",
            articles.len(),
            bytes as f64 / 1e6
        );
        let mut wall = Criterion::default().configure_from_args();
        group(&mut wall, "extract", &articles);
        if thread_cpu_ns().is_some() {
            let mut cpu = Criterion::default()
                .with_measurement(ThreadCpuTime)
                .configure_from_args();
            group(&mut cpu, "extract-cpu", &articles);
        }
        Criterion::default().configure_from_args().final_summary();
    }
}

fn main() {
    bench::main();
}
