//! The value axis of the bar charts: linear, from zero or below (0–100 at least for
//! percentages) with headroom for the largest bar's qualifier mark, or log10 over the positive
//! values.

use crate::numfmt::NumberKind;
use crate::{Bar, ChartData, ChartKind, Scale};

/// `v.clamp(lo, hi)` for `lo <= hi` (NaN stays NaN), without `f64::clamp`'s assertion, whose
/// message (`{:?}` of both bounds) would link the `Debug` formatting of floats into the wasm.
pub(super) fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// Maps values to the axis coordinate: the value itself, or its log10.
#[derive(Clone, Copy, Debug)]
pub(super) struct ValueAxis {
    log: bool,
    pub(super) lo: f64,
    pub(super) hi: f64,
}

impl ValueAxis {
    pub(super) fn t(&self, v: f64) -> Option<f64> {
        let t = if self.log {
            if v > 0.0 {
                v.log10()
            } else {
                return None;
            }
        } else {
            v
        };
        Some(clamp(t, self.lo, self.hi))
    }
    pub(super) fn inverse(&self, t: f64) -> f64 {
        if self.log {
            10f64.powf(t)
        } else {
            t
        }
    }
    /// Where bars start: 0, or the left edge on a log axis.
    pub(super) fn base(&self) -> f64 {
        if self.log {
            self.lo
        } else {
            clamp(0.0, self.lo, self.hi)
        }
    }

    pub(super) fn for_bars(bars: &[Bar], kind: ChartKind, scale: Scale) -> Option<ValueAxis> {
        let ends = || {
            bars.iter()
                .flat_map(|b| [Some(b.value), b.high])
                .flatten()
                .filter(|v| v.is_finite())
        };
        if scale == Scale::Log && kind != ChartKind::Timeline {
            let pos = || ends().filter(|&v| v > 0.0);
            let min = pos().fold(f64::INFINITY, f64::min);
            let max = pos().fold(f64::NEG_INFINITY, f64::max);
            if !min.is_finite() || !max.is_finite() {
                return None;
            }
            let lo = min.log10().floor();
            let mut hi = max.log10().ceil();
            if hi <= lo {
                hi = lo + 1.0;
            }
            return Some(ValueAxis { log: true, lo, hi });
        }
        let min = ends().fold(0f64, f64::min);
        let mut max = ends().fold(0f64, f64::max);
        if kind == ChartKind::Shares {
            max = max.max(100.0);
        }
        if max - min <= f64::EPSILON * max.abs().max(1.0) {
            max = min + 1.0;
        }
        // Headroom so the largest bar's qualifier mark stays inside the plot.
        let pad = if kind == ChartKind::Shares && max <= 100.0 {
            0.0
        } else {
            (max - min) * 0.04
        };
        Some(ValueAxis {
            log: false,
            lo: min,
            hi: max + pad,
        })
    }
}

pub(super) fn axis_desc(data: &ChartData, scale: Scale) -> String {
    let base = match data.number_kind() {
        NumberKind::Money => "Montant (MAD)",
        NumberKind::Percent => "Pourcentage",
        NumberKind::Count => "Nombre",
    };
    if scale == Scale::Log && data.kind != ChartKind::Timeline {
        format!("{base}, échelle logarithmique")
    } else {
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::clamp;

    #[test]
    fn clamp_is_f64_clamp_wherever_that_does_not_panic() {
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -2.5,
            -0.0,
            0.0,
            0.5,
            60.0,
            240.0,
            1e300,
            f64::INFINITY,
            f64::NAN,
        ];
        for lo in values {
            for hi in values.into_iter().filter(|&hi| lo <= hi) {
                for v in values {
                    assert_eq!(
                        clamp(v, lo, hi).to_bits(),
                        v.clamp(lo, hi).to_bits(),
                        "{v} in {lo}..={hi}"
                    );
                }
            }
        }
    }
}
