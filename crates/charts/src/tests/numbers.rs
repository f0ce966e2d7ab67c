//! French wording of numbers: amounts with k/M/Md, counts, percentages, and qualifiers and
//! ranges said in words rather than hidden.

use super::les_eco;
use crate::numfmt::{self, NumberKind};
use crate::{chart_data, ChartKind};
use raqmi_model::document::{Category, Qualifier};
use raqmi_testkit::count;

#[test]
fn money_reads_in_french_with_k_m_and_md() {
    assert_eq!(numfmt::money(13_300_000.0), "13,3 M MAD");
    assert_eq!(numfmt::money(13_270_000.0), "13,3 M MAD");
    assert_eq!(numfmt::money(3_900_000.0), "3,9 M MAD");
    assert_eq!(numfmt::money(7_900_000_000.0), "7,9 Md MAD");
    assert_eq!(numfmt::money(850_000.0), "850 k MAD");
    assert_eq!(numfmt::money(1_200.0), "1 200 MAD");
    assert_eq!(numfmt::money(12_500.0), "12,5 k MAD");
    assert_eq!(numfmt::money(999_999.0), "1 M MAD");
    assert_eq!(numfmt::money(120_000_000.0), "120 M MAD");
    assert_eq!(numfmt::money(2_000_000_000_000.0), "2 000 Md MAD");
    assert_eq!(numfmt::money(0.0), "0 MAD");
    assert_eq!(numfmt::money(-1_200.0), "-1 200 MAD");
    assert_eq!(numfmt::money(-0.01), "0 MAD");
    assert_eq!(numfmt::money(f64::NAN), "n. d.");
    assert_eq!(numfmt::money(f64::INFINITY), "n. d.");
    assert_eq!(numfmt::money_tick(10_000_000.0), "10 M");
}

#[test]
fn counts_and_percentages_read_in_french() {
    assert_eq!(numfmt::count(1_100.0), "1 100");
    assert_eq!(numfmt::count(100.0), "100");
    assert_eq!(numfmt::count(2.5), "2,5");
    assert_eq!(numfmt::count(1_234_567.0), "1,2 million");
    assert_eq!(numfmt::count(2_500_000.0), "2,5 millions");
    assert_eq!(numfmt::count(3e9), "3 milliards");
    assert_eq!(numfmt::percent(45.0), "45 %");
    assert_eq!(numfmt::percent(12.54), "12,5 %");
    assert_eq!(numfmt::count_tick(1000.0), "1 000");
    assert_eq!(numfmt::count(f64::NAN), "n. d.");
}

#[test]
fn qualifiers_and_ranges_are_worded_not_hidden() {
    assert_eq!(
        numfmt::qualified(&numfmt::count(1100.0), Some(Qualifier::Over)),
        "plus de 1 100"
    );
    assert_eq!(
        numfmt::qualified(&numfmt::count(100.0), Some(Qualifier::About)),
        "≈ 100"
    );
    assert_eq!(
        numfmt::qualified("50 %", Some(Qualifier::Under)),
        "moins de 50 %"
    );
    assert_eq!(
        numfmt::qualified("2 M MAD", Some(Qualifier::UpTo)),
        "jusqu'à 2 M MAD"
    );
    assert_eq!(
        numfmt::value_or_range(NumberKind::Money, 10e6, Some(15e6)),
        "10 à 15 M MAD"
    );
    assert_eq!(
        numfmt::value_or_range(NumberKind::Money, 850e3, Some(1.2e6)),
        "850 k à 1,2 M MAD"
    );
    assert_eq!(
        numfmt::value_or_range(NumberKind::Percent, 20.0, Some(30.0)),
        "20 à 30 %"
    );
    let d = les_eco("a")
        .headline("Gitex")
        .date(2024, Some(4), None)
        .figures([count(1100.0, Category::Participants, "participants").qualifier(Qualifier::Over)])
        .build();
    let data = chart_data(&[d], ChartKind::People);
    assert_eq!(data.bars[0].value_text, "plus de 1 100 participants");
}
