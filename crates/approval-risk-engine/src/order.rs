//! One sort for the whole engine.
//!
//! The standard library's sorts are generic: every element type and ordering a program sorts
//! by gets its own compiled copy, and a stable sort is several kilobytes of WebAssembly. The
//! engine sorts short lists in a handful of places; ranking them all as `u64` keys leaves one
//! copy in the page's download instead of one per call site.

use crate::span::Span;

/// Sorts `items` by `rank`, keeping items of equal rank in their order (a stable sort).
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<(u64, usize)> = items.iter().map(rank).zip(0..).collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Saturates at `u32::MAX`: no input the engine reads reaches 4 GB.
fn half(value: usize) -> u64 {
    value.min(u32::MAX as usize) as u64
}

/// Sorts byte ranges (or any pairs of offsets) by start, then end, as `sort_unstable` would,
/// on the one compiled sort.
pub fn sort_pairs(pairs: &mut Vec<(usize, usize)>) {
    sort_by_rank(pairs, |&(start, end)| (half(start) << 32) | half(end));
}

/// Sorts numbers (step indexes, offsets) in ascending order on the one compiled sort.
pub fn sort_numbers(numbers: &mut Vec<usize>) {
    sort_by_rank(numbers, |&n| n as u64);
}

/// By start, then by end: the order `Span` itself sorts in.
pub fn by_position(span: Span) -> u64 {
    (half(span.start) << 32) | half(span.end)
}

/// By start, then the longest first: at one position the outer range comes before the ranges
/// inside it.
pub fn outer_first(start: usize, end: usize) -> u64 {
    (half(start) << 32) | (u64::from(u32::MAX) - half(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_ranks_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_rank(&mut items, |(rank, _)| *rank);
        let letters: String = items.iter().map(|(_, c)| *c).collect();
        assert_eq!(letters, "ebdac");
    }

    #[test]
    fn pairs_and_numbers_sort_as_the_standard_sort_would() {
        let mut pairs = vec![(7, 9), (2, 8), (2, 3), (7, 9), (0, 1)];
        let mut expected = pairs.clone();
        expected.sort_unstable();
        sort_pairs(&mut pairs);
        assert_eq!(pairs, expected);
        let mut numbers = vec![4, 1, 3, 1];
        sort_numbers(&mut numbers);
        assert_eq!(numbers, [1, 1, 3, 4]);
    }

    #[test]
    fn spans_sort_by_start_then_end_and_outer_first_puts_the_longest_first() {
        let mut spans = vec![Span::new(5, 9), Span::new(1, 4), Span::new(1, 2)];
        sort_by_rank(&mut spans, |s| by_position(*s));
        assert_eq!(spans, [Span::new(1, 2), Span::new(1, 4), Span::new(5, 9)]);
        sort_by_rank(&mut spans, |s| outer_first(s.start, s.end));
        assert_eq!(spans, [Span::new(1, 4), Span::new(1, 2), Span::new(5, 9)]);
    }
}
