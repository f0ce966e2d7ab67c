//! French numerals as the press writes them. (Being written: see issue 3.)
