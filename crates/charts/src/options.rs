//! What the caller chooses: which chart ([`ChartKind`]), how to draw it ([`ChartOptions`]: size,
//! [`Scale`], [`Theme`], title, ids) and which figures to keep ([`DataOptions`]: the explorer's
//! filters and the bar limit), with their URL parameter names.

use crate::numfmt::NumberKind;
use raqmi_model::document::Category;

/// Which chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Money figures, one bar each, in MAD.
    #[default]
    Budgets,
    /// Participants, members, beneficiaries and jobs, grouped by article or event.
    People,
    /// Percentages on a 0–100 axis.
    Shares,
    /// Articles and figures per month or per year.
    Timeline,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Budgets,
        ChartKind::People,
        ChartKind::Shares,
        ChartKind::Timeline,
    ];

    /// The chart's title, in French.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Budgets => "Montants cités (MAD)",
            ChartKind::People => "Participants, membres, bénéficiaires et emplois",
            ChartKind::Shares => "Pourcentages cités",
            ChartKind::Timeline => "Articles et chiffres dans le temps",
        }
    }

    /// A short stable name ("budgets"), for ids and file names.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Budgets => "budgets",
            ChartKind::People => "people",
            ChartKind::Shares => "shares",
            ChartKind::Timeline => "timeline",
        }
    }

    /// Its value of the URL's `chart` parameter.
    pub fn param(self) -> &'static str {
        match self {
            ChartKind::Budgets => "budget",
            ChartKind::People => "people",
            ChartKind::Shares => "shares",
            ChartKind::Timeline => "timeline",
        }
    }

    /// The kind whose [`ChartKind::param`] is `s`.
    pub fn from_param(s: &str) -> Option<ChartKind> {
        Self::ALL.into_iter().find(|k| k.param() == s)
    }

    pub(crate) fn number_kind(self) -> NumberKind {
        match self {
            ChartKind::Budgets => NumberKind::Money,
            ChartKind::Shares => NumberKind::Percent,
            ChartKind::People | ChartKind::Timeline => NumberKind::Count,
        }
    }
}

/// Value axis scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Scale {
    #[default]
    Linear,
    /// Base-10 logarithmic; values ≤ 0 cannot be placed and are left out (and said so).
    Log,
}

impl Scale {
    /// Its value of the URL's `scale` parameter.
    pub fn param(self) -> &'static str {
        match self {
            Scale::Linear => "linear",
            Scale::Log => "log",
        }
    }

    /// The scale whose [`Scale::param`] is `s`.
    pub fn from_param(s: &str) -> Option<Scale> {
        [Scale::Linear, Scale::Log]
            .into_iter()
            .find(|k| k.param() == s)
    }
}

/// Colours for a light or a dark page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// Its value of the URL's `theme` parameter (and of the page's `data-theme`).
    pub fn param(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme whose [`Theme::param`] is `s`.
    pub fn from_param(s: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|k| k.param() == s)
    }
}

/// How to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    /// Width in pixels (the SVG also has a viewBox, so CSS can scale it).
    pub width: u32,
    /// Height in pixels; `None` sizes the chart to its bars.
    pub height: Option<u32>,
    pub scale: Scale,
    pub theme: Theme,
    /// Replaces the kind's default title.
    pub title: Option<String>,
    /// Prefix of the ids inside the SVG (`<title id="{id}-title">`); keep it unique in the page.
    /// Characters other than ASCII letters, digits, `-` and `_` are dropped.
    pub id: String,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 720,
            height: None,
            scale: Scale::Linear,
            theme: Theme::Light,
            title: None,
            id: "raqmi-chart".to_string(),
        }
    }
}

/// How to select and aggregate.
#[derive(Clone, Debug, PartialEq)]
pub struct DataOptions {
    /// Most bars drawn before the rest is aggregated (minimum 1).
    pub max_bars: usize,
    /// Only figures of these categories (all when empty): the explorer's `cat` filter.
    pub categories: Vec<Category>,
    /// Only figures whose value (or range) reaches into these inclusive bounds, in the
    /// figure's own unit: the explorer's `min`/`max` filter.
    pub value_min: Option<f64>,
    pub value_max: Option<f64>,
}

impl Default for DataOptions {
    fn default() -> Self {
        DataOptions {
            max_bars: 40,
            categories: Vec::new(),
            value_min: None,
            value_max: None,
        }
    }
}

impl DataOptions {
    /// True when the explorer's filters keep this figure.
    pub(crate) fn keeps(&self, fig: &raqmi_model::document::Figure) -> bool {
        let high = fig.high.unwrap_or(fig.value).max(fig.value);
        let low = fig.high.unwrap_or(fig.value).min(fig.value);
        (self.categories.is_empty() || self.categories.contains(&fig.category))
            && self.value_min.is_none_or(|m| high >= m)
            && self.value_max.is_none_or(|m| low <= m)
    }
}
