//! Long lists are drawn a page at a time: a roster or bank of 200,000 records must still draw
//! in a moment, and a page is what a person reads anyway.

/// One page of a list of `len` items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// From 0; always a page that exists (the last one when the list got shorter).
    pub index: usize,
    /// At least 1, so "第 1 / 1 页" reads right for an empty list.
    pub count: usize,
    pub start: usize,
    pub end: usize,
}

impl Page {
    /// Page `requested` of `len` items, `size` per page (a `size` of 0 counts as 1).
    pub fn of(len: usize, requested: usize, size: usize) -> Page {
        let size = size.max(1);
        let count = len.div_ceil(size).max(1);
        let index = requested.min(count - 1);
        let start = index * size;
        Page {
            index,
            count,
            start,
            end: (start + size).min(len),
        }
    }

    pub fn is_first(&self) -> bool {
        self.index == 0
    }

    pub fn is_last(&self) -> bool {
        self.index + 1 >= self.count
    }

    /// The items of this page.
    pub fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        items.get(self.start..self.end).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_the_list_once_and_clamp_to_the_last() {
        let items: Vec<usize> = (0..205).collect();
        let pages: Vec<Page> = (0..3).map(|i| Page::of(items.len(), i, 100)).collect();
        let seen: Vec<usize> = pages
            .iter()
            .flat_map(|p| p.slice(&items))
            .copied()
            .collect();
        assert_eq!(seen, items);
        assert_eq!(pages[2].end - pages[2].start, 5);
        assert!(pages[0].is_first() && pages[2].is_last());
        // Asking past the end (the list shrank after a filter) shows the last page.
        assert_eq!(Page::of(205, 9, 100), pages[2]);
    }

    #[test]
    fn an_empty_list_is_one_empty_page() {
        let page = Page::of(0, 3, 50);
        assert_eq!((page.index, page.count, page.start, page.end), (0, 1, 0, 0));
        assert!(page.slice::<u8>(&[]).is_empty());
        assert!(page.is_first() && page.is_last());
        assert_eq!(Page::of(10, 0, 0).count, 10, "a size of 0 counts as 1");
    }
}
