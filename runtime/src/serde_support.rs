//! Serde for the generated types, behind the `serde` feature: a value
//! serializes as its name as the rules spell it and deserializes from any
//! spelling `FromStr` takes (any case, aliases); an output struct serializes
//! as a map of its outputs. The generated code calls the macros below; they
//! expand to nothing without the feature, so generated code never carries a
//! `cfg` of its own.

#[cfg(feature = "serde")]
pub use serde;

/// Deserializes any `FromStr` type from a string.
#[cfg(feature = "serde")]
pub struct FromStrVisitor<T>(core::marker::PhantomData<T>);

#[cfg(feature = "serde")]
impl<T> FromStrVisitor<T> {
    /// A visitor for `T`.
    pub const fn new() -> Self {
        FromStrVisitor(core::marker::PhantomData)
    }
}

#[cfg(feature = "serde")]
impl<T> Default for FromStrVisitor<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(feature = "serde")]
impl<T> serde::de::Visitor<'_> for FromStrVisitor<T>
where
    T: core::str::FromStr,
    T::Err: core::fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("the name of a value")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        value.parse().map_err(E::custom)
    }
}

/// Serde for a generated enum (needs `as_str` and `FromStr`).
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __coex_serde_enum {
    ($name:ident) => {
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                deserializer.deserialize_str($crate::__private::FromStrVisitor::<$name>::new())
            }
        }
    };
}

/// Serde for a generated enum: nothing without the `serde` feature.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __coex_serde_enum {
    ($name:ident) => {};
}

/// Serialize for a generated output struct.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __coex_serde_outputs {
    ($name:ident { $($field:ident),* }) => {
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use $crate::__private::serde::ser::SerializeStruct;
                let mut state = serializer.serialize_struct(
                    ::core::stringify!($name),
                    [$(::core::stringify!($field)),*].len(),
                )?;
                $(state.serialize_field(
                    $crate::__private::unraw(::core::stringify!($field)),
                    &self.$field,
                )?;)*
                state.end()
            }
        }
    };
}

/// Serialize for a generated output struct: nothing without the `serde` feature.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __coex_serde_outputs {
    ($name:ident { $($field:ident),* }) => {};
}
