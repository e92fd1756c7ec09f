//! This module contains useful utilities to get information about the current document.

use std::marker::PhantomData;

use implicit_clone::unsync::IArray;
use implicit_clone::ImplicitClone;
use yew::html::ChildrenRenderer;

/// Map `IntoIterator<Item = Into<T>>` to `Iterator<Item = T>`
pub fn into_node_iter<IT, T, R>(it: IT) -> impl Iterator<Item = R>
where
    IT: IntoIterator<Item = T>,
    T: Into<R>,
{
    it.into_iter().map(|n| n.into())
}

/// A special type necessary for flattening components returned from nested html macros.
///
/// Holds one node without a heap allocation (upstream wrapped every `{ expr }` child of
/// `html!` in a one-element `Rc<[_]>` and copied it out again), and hands its nodes to the
/// children being collected by [`__Kids::__push_to`], one copy for every input type.
#[derive(Debug)]
pub struct NodeSeq<IN, OUT>(Seq<OUT>, PhantomData<IN>);

#[doc(hidden)]
#[derive(Debug)]
pub enum Seq<OUT> {
    One(OUT),
    Many(Vec<OUT>),
}

impl<IN: Into<OUT>, OUT> From<IN> for NodeSeq<IN, OUT> {
    fn from(val: IN) -> Self {
        Self(Seq::One(val.into()), PhantomData)
    }
}

impl<IN: Into<OUT>, OUT> From<Option<IN>> for NodeSeq<IN, OUT> {
    fn from(val: Option<IN>) -> Self {
        Self(
            match val {
                Some(s) => Seq::One(s.into()),
                None => Seq::Many(Vec::new()),
            },
            PhantomData,
        )
    }
}

impl<IN: Into<OUT>, OUT> From<Vec<IN>> for NodeSeq<IN, OUT> {
    fn from(val: Vec<IN>) -> Self {
        Self(
            Seq::Many(val.into_iter().map(|x| x.into()).collect()),
            PhantomData,
        )
    }
}

impl<IN: Into<OUT> + ImplicitClone, OUT> From<IArray<IN>> for NodeSeq<IN, OUT> {
    fn from(val: IArray<IN>) -> Self {
        Self(
            Seq::Many(val.into_iter().map(|x| x.into()).collect()),
            PhantomData,
        )
    }
}

impl<IN: Into<OUT> + ImplicitClone, OUT> From<&IArray<IN>> for NodeSeq<IN, OUT> {
    fn from(val: &IArray<IN>) -> Self {
        Self(
            Seq::Many(val.clone().into_iter().map(|x| x.into()).collect()),
            PhantomData,
        )
    }
}

impl<IN: Into<OUT> + Clone, OUT> From<&ChildrenRenderer<IN>> for NodeSeq<IN, OUT> {
    fn from(val: &ChildrenRenderer<IN>) -> Self {
        Self(
            Seq::Many(val.iter().map(|x| x.into()).collect()),
            PhantomData,
        )
    }
}

impl<IN, OUT> IntoIterator for NodeSeq<IN, OUT> {
    type IntoIter = std::vec::IntoIter<OUT>;
    type Item = OUT;

    fn into_iter(self) -> Self::IntoIter {
        match self.0 {
            Seq::One(one) => vec![one].into_iter(),
            Seq::Many(many) => many.into_iter(),
        }
    }
}

/// How `html!` adds a child that may be several nodes (`{ expr }`, `{ for iter }`) to the
/// children it collects: a call, not an `Extend` written out for every place.
#[doc(hidden)]
pub trait __Kids<OUT> {
    fn __push_to(self, into: &mut Vec<OUT>);
}

impl<IN, OUT> __Kids<OUT> for NodeSeq<IN, OUT> {
    #[inline]
    fn __push_to(self, into: &mut Vec<OUT>) {
        push_seq(self.0, into)
    }
}

impl<I: Iterator> __Kids<I::Item> for I {
    fn __push_to(self, into: &mut Vec<I::Item>) {
        for one in self {
            __push(into, one);
        }
    }
}

#[inline(never)]
fn push_seq<OUT>(seq: Seq<OUT>, into: &mut Vec<OUT>) {
    match seq {
        Seq::One(one) => into.push(one),
        Seq::Many(mut many) => into.append(&mut many),
    }
}

/// A value of a type known from elsewhere: what yew held as `dyn Any` where the component's
/// type id already tells the type (a scope, its state, its props). `dyn Any` gives every such
/// type a type id of its own, sixteen bytes that do not compress, four for each component.
#[doc(hidden)]
pub trait Untyped {}

impl<T: ?Sized> Untyped for T {}

/// A component's type id, made in one place for each component: written at each use, as
/// `TypeId::of` is, it is sixteen random bytes that gzip cannot shrink.
#[inline(never)]
pub(crate) fn type_of<T: ?Sized + 'static>() -> std::any::TypeId {
    std::any::TypeId::of::<T>()
}

/// Adds one child to the children `html!` collects.
#[doc(hidden)]
#[inline(never)]
pub fn __push<OUT>(into: &mut Vec<OUT>, one: OUT) {
    into.push(one)
}

/// The children `html!` lists when each is one node: built in place in an array, moved into
/// the vector by one copy.
#[doc(hidden)]
#[inline(never)]
pub fn __vec<OUT, const N: usize>(children: [OUT; N]) -> Vec<OUT> {
    Vec::from(children)
}

/// Hack to force type mismatch compile errors in yew-macro.
// TODO: replace with `compile_error!`, when `type_name_of_val` is stabilised (https://github.com/rust-lang/rust/issues/66359).
#[doc(hidden)]
pub fn __ensure_type<T>(_: T) {}

/// Print the [web_sys::Node]'s contents as a string for debugging purposes
pub fn print_node(n: &web_sys::Node) -> String {
    use wasm_bindgen::JsCast;

    match n.dyn_ref::<web_sys::Element>() {
        Some(el) => el.outer_html(),
        None => n.text_content().unwrap_or_default(),
    }
}

// NOTE: replace this by Rc::unwrap_or_clone() when it becomes stable
pub(crate) trait RcExt<T: Clone> {
    fn unwrap_or_clone(this: Self) -> T;
}

impl<T: Clone> RcExt<T> for std::rc::Rc<T> {
    fn unwrap_or_clone(this: Self) -> T {
        std::rc::Rc::try_unwrap(this).unwrap_or_else(|rc| (*rc).clone())
    }
}
