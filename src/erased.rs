//! A value of any type behind one pointer, read back as the type it was made with: what
//! `Rc<dyn Any>` does, with the type's id kept beside the value. `dyn Any` gives every type a
//! function returning its id, and a read writes the id out again where it is made: sixteen
//! random bytes that gzip cannot shrink, twice or more for each of the app's hundred-odd state
//! types. Here a type's id is written once, in `type_of`.

use std::any::TypeId;
use std::rc::Rc;

/// Any type at all: a pointer to one has no table of functions beyond dropping it.
trait Untyped {}

impl<T: ?Sized> Untyped for T {}

#[derive(Clone)]
pub struct Erased {
    ty: TypeId,
    value: Rc<dyn Untyped>,
}

impl Erased {
    pub fn new<T: 'static>(value: T) -> Self {
        Erased {
            ty: type_of::<T>(),
            value: Rc::new(value),
        }
    }

    /// The value, if it is a `T`.
    pub fn get<T: 'static>(&self) -> Option<&T> {
        // SAFETY: `ty` is the id of the type `value` was made with (`new`, the one place that
        // makes an `Erased`), so the pointer is to a `T`.
        (self.ty == type_of::<T>()).then(|| unsafe { &*(Rc::as_ptr(&self.value) as *const T) })
    }

    /// The value shared, if it is a `T`.
    pub fn rc<T: 'static>(&self) -> Option<Rc<T>> {
        // SAFETY: as in `get`; the pointer came from an `Rc<T>`, as `from_raw` asks.
        (self.ty == type_of::<T>())
            .then(|| unsafe { Rc::from_raw(Rc::into_raw(self.value.clone()) as *const T) })
    }
}

/// A type's id, written once for the type rather than at each read.
#[inline(never)]
fn type_of<T: 'static>() -> TypeId {
    TypeId::of::<T>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_reads_back_only_as_its_own_type() {
        let text = Erased::new(String::from("诫勉"));
        assert_eq!(text.get::<String>().map(String::as_str), Some("诫勉"));
        assert!(text.get::<&str>().is_none());
        assert!(text.get::<u32>().is_none());
        assert!(text.rc::<Vec<u8>>().is_none());
        let shared = text.rc::<String>().expect("a String");
        assert_eq!(*shared, "诫勉");
        // Two handles on one value, and the value dropped once with the last.
        assert_eq!(Rc::strong_count(&shared), 2);
        drop(text);
        assert_eq!(Rc::strong_count(&shared), 1);
    }

    #[test]
    fn clones_are_the_same_value_and_equal_values_are_not() {
        let a = Erased::new(7u64);
        let b = a.clone();
        let at = |e: &Erased| e.get::<u64>().map(|v| v as *const u64);
        assert_eq!(at(&a), at(&b));
        assert_ne!(at(&a), at(&Erased::new(7u64)));
        assert_eq!(b.get::<u64>(), Some(&7));
        assert!(b.get::<i64>().is_none());
    }

    #[test]
    fn zero_sized_and_large_values_read_back() {
        assert_eq!(Erased::new(()).get::<()>(), Some(&()));
        let big = [3u128; 40];
        assert_eq!(Erased::new(big).get::<[u128; 40]>(), Some(&big));
    }
}
