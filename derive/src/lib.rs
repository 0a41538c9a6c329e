//! The readers and writers of tieuchi's types, for its own JSON reader and writer
//! (`core::json`), from the rules the types already carry in serde's attributes.
//!
//! `#[derive(ReadObject)]`: a struct's `FromJson`, read from a JSON object only, as serde's
//! derive reads these attributes:
//!
//! - `#[serde(deny_unknown_fields)]` on the struct: a key the struct does not have is an error
//!   (files from outside, read strictly); without it, an unknown key is skipped.
//! - `#[serde(default)]` on the struct: every absent field takes its default (what an earlier
//!   build did not write); on a field: that field does. An absent `Option` field is `None`.
//!   Any other absent field is an error.
//! - `#[serde(rename = "type")]`: the field's key; `#[serde(alias = "region")]`: an older name
//!   of it (a key present under two of its names is an error, as a duplicate).
//! - `#[serde(skip)]` / `#[serde(skip_deserializing)]`: never read, always the default.
//!
//! Other serde attributes (`skip_serializing_if`, …) concern writing. The generated code is a
//! loop over the object's keys that calls the reader's non-generic `field` (which matches the
//! key against the struct's names, refuses a duplicate or an unknown key) and each field
//! type's `FromJson`: no visitor, no field enum, nothing generic per struct.
//!
//! `#[derive(ReadName)]`: a unit enum's `FromJson` and `Named`, by the names serde writes
//! (`rename_all = "snake_case"`, `rename`, and `alias` for a name also read).

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr, Type};

/// A field's `#[serde]` rules, for reading and for writing.
struct Field {
    ident: syn::Ident,
    ty: proc_macro2::TokenStream,
    key: String,
    aliases: Vec<String>,
    default: bool,
    /// `skip` or `skip_deserializing`: never read.
    skip_read: bool,
    /// `skip` or `skip_serializing`: never written.
    skip_write: bool,
    /// `skip_serializing_if = "path"`: not written when `path(&field)` holds.
    skip_if: Option<syn::ExprPath>,
}

struct Rules {
    deny_unknown: bool,
    all_default: bool,
}

fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "Option"),
        _ => false,
    }
}

fn container_rules(input: &DeriveInput) -> syn::Result<Rules> {
    let mut rules = Rules {
        deny_unknown: false,
        all_default: false,
    };
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("deny_unknown_fields") {
                rules.deny_unknown = true;
            } else if meta.path.is_ident("default") {
                rules.all_default = true;
            } else if meta.input.peek(syn::Token![=]) {
                // rename_all, tag, …: writing's concern, or not used by structs read here.
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        })?;
    }
    Ok(rules)
}

fn field_rules(f: &syn::Field, all_default: bool) -> syn::Result<Field> {
    let ident = f
        .ident
        .clone()
        .ok_or_else(|| syn::Error::new_spanned(f, "a struct with named fields is needed"))?;
    let mut field = Field {
        key: ident.to_string(),
        ident,
        ty: quote::ToTokens::to_token_stream(&f.ty),
        aliases: Vec::new(),
        default: all_default || is_option(&f.ty),
        skip_read: false,
        skip_write: false,
        skip_if: None,
    };
    for attr in f.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                field.key = meta.value()?.parse::<LitStr>()?.value();
            } else if meta.path.is_ident("alias") {
                field.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("default") {
                field.default = true;
            } else if meta.path.is_ident("skip") {
                (field.skip_read, field.skip_write) = (true, true);
            } else if meta.path.is_ident("skip_deserializing") {
                field.skip_read = true;
            } else if meta.path.is_ident("skip_serializing") {
                field.skip_write = true;
            } else if meta.path.is_ident("skip_serializing_if") {
                field.skip_if = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        })?;
    }
    Ok(field)
}

/// A struct's fields with their rules; an error for anything but a struct of named fields.
fn struct_fields(input: &DeriveInput, all_default: bool) -> syn::Result<Vec<Field>> {
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => &named.named,
            _ => return Err(syn::Error::new_spanned(input, "a struct with named fields is needed")),
        },
        _ => return Err(syn::Error::new_spanned(input, "a struct is needed")),
    };
    fields.iter().map(|f| field_rules(f, all_default)).collect()
}

/// A derive's entry: its input parsed, expanded, or its error as a compile error.
fn derive(
    input: TokenStream,
    expand: fn(&DeriveInput) -> syn::Result<proc_macro2::TokenStream>,
) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

#[proc_macro_derive(ReadObject, attributes(serde))]
pub fn derive_read_object(input: TokenStream) -> TokenStream {
    derive(input, expand)
}

fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let rules = container_rules(input)?;
    let fields = struct_fields(input, rules.all_default)?;
    if fields.len() > 64 {
        return Err(syn::Error::new_spanned(input, "ReadObject reads at most 64 fields"));
    }
    let ty = &input.ident;
    let strict = rules.deny_unknown;
    let read: Vec<&Field> = fields.iter().filter(|f| !f.skip_read).collect();
    let names = read.iter().map(|f| {
        let (key, aliases) = (&f.key, &f.aliases);
        quote! { &[#key #(, #aliases)*] }
    });
    let idents: Vec<&syn::Ident> = read.iter().map(|f| &f.ident).collect();
    // A field with a default is read in place, over its default; a required one into a
    // `Required`. Absent required fields are found by the reader from the fields seen (`mask`:
    // their places in FIELDS), and all are taken in one match: one way out without the struct.
    let locals = read.iter().map(|f| {
        let (ident, ty) = (&f.ident, &f.ty);
        if f.default {
            quote! { let mut #ident: #ty = Default::default(); }
        } else {
            quote! { let mut #ident = crate::core::json::Required::<#ty>(None); }
        }
    });
    let required: Vec<&syn::Ident> = read
        .iter()
        .filter(|f| !f.default)
        .map(|f| &f.ident)
        .collect();
    let mask: u64 = read
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.default)
        .fold(0, |m, (i, _)| m | 1 << i);
    let takes = fields.iter().map(|f| {
        let ident = &f.ident;
        if f.skip_read {
            quote! { #ident: Default::default() }
        } else {
            quote! { #ident }
        }
    });
    Ok(quote! {
        impl crate::core::json::FromJson for #ty {
            fn read(
                r: &mut crate::core::json::Reader<'_>,
            ) -> Result<Self, crate::core::json::JsonError> {
                const FIELDS: &[&[&str]] = &[#(#names),*];
                #( #locals )*
                let mut object = r.begin_object()?;
                r.fields(&mut object, FIELDS, #strict, &mut [#(&mut #idents),*])?;
                match (#(#required.0,)*) {
                    (#(Some(#required),)*) => Ok(#ty { #(#takes),* }),
                    #[allow(unreachable_patterns)]
                    _ => Err(r.missing(&object, FIELDS, #mask)),
                }
            }
        }
    })
}

/// `#[derive(ReadName)]`: a unit enum's `FromJson` and `Named`, read from its name as serde
/// writes it: `#[serde(rename_all = "snake_case")]` on the enum (the one rule the app uses),
/// `#[serde(rename = "…")]` on a variant; `#[serde(alias = "…")]` adds a name it is read under.
#[proc_macro_derive(ReadName, attributes(serde))]
pub fn derive_read_name(input: TokenStream) -> TokenStream {
    derive(input, expand_name)
}

/// "NtmNangCao" → "ntm_nang_cao", as serde's `snake_case`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn rename_rule(input: &DeriveInput) -> syn::Result<bool> {
    let mut snake = false;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                let rule = meta.value()?.parse::<LitStr>()?;
                if rule.value() != "snake_case" {
                    return Err(syn::Error::new_spanned(rule, "ReadName knows snake_case only"));
                }
                snake = true;
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        })?;
    }
    Ok(snake)
}

/// A variant's name and the older names it is also read under.
fn variant_names(v: &syn::Variant, snake: bool) -> syn::Result<(String, Vec<String>)> {
    let mut name = v.ident.to_string();
    if snake {
        name = snake_case(&name);
    }
    let mut aliases = Vec::new();
    for attr in v.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                name = meta.value()?.parse::<LitStr>()?.value();
            } else if meta.path.is_ident("alias") {
                aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        })?;
    }
    Ok((name, aliases))
}

fn expand_name(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(input, "ReadName reads unit enums only"));
    };
    let snake = rename_rule(input)?;
    let ty = &input.ident;
    let (mut names, mut variants, mut written) = (Vec::new(), Vec::new(), Vec::new());
    for v in &data.variants {
        if !matches!(v.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(v, "ReadName reads unit variants only"));
        }
        let ident = &v.ident;
        let (name, aliases) = variant_names(v, snake)?;
        written.push(quote! { #ty::#ident => #name });
        for n in std::iter::once(name).chain(aliases) {
            names.push(n);
            variants.push(quote! { #ty::#ident });
        }
    }
    // The last name takes every index past the others: `nth` has no failure to compile.
    let Some(last) = variants.pop() else {
        return Err(syn::Error::new_spanned(input, "ReadName needs a variant"));
    };
    let index = 0..variants.len();
    Ok(quote! {
        impl crate::core::json::Named for #ty {
            const NAMES: &'static [&'static str] = &[#(#names),*];
            fn nth(index: usize) -> Self {
                match index {
                    #( #index => #variants, )*
                    _ => #last,
                }
            }
            fn name(&self) -> &'static str {
                match self {
                    #( #written, )*
                }
            }
        }

        impl crate::core::json::FromJson for #ty {
            fn read(
                r: &mut crate::core::json::Reader<'_>,
            ) -> Result<Self, crate::core::json::JsonError> {
                let index = r.name(<Self as crate::core::json::Named>::NAMES)?;
                Ok(<Self as crate::core::json::Named>::nth(index))
            }
        }
    })
}

/// `#[derive(WriteObject)]`: a struct's `ToJson`, written as serde's derive writes it with
/// serde_json: a JSON object of its fields in their order, each under its name or its
/// `#[serde(rename = "…")]`; `#[serde(skip)]` and `#[serde(skip_serializing)]` fields never
/// written, a `#[serde(skip_serializing_if = "path")]` field not when `path(&field)` holds.
/// Each key is written out whole (`"name":`) at compile time.
#[proc_macro_derive(WriteObject, attributes(serde))]
pub fn derive_write_object(input: TokenStream) -> TokenStream {
    derive(input, expand_write)
}

fn expand_write(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let fields = struct_fields(input, false)?;
    let writes = fields.iter().filter(|f| !f.skip_write).map(|f| {
        let (ident, quoted) = (&f.ident, format!("\"{}\":", f.key));
        let write = quote! {
            w.key(#quoted);
            crate::core::json::ToJson::write_json(&self.#ident, w);
        };
        match &f.skip_if {
            Some(path) => quote! { if !#path(&self.#ident) { #write } },
            None => write,
        }
    });
    let ty = &input.ident;
    let (generics, args, bounds) = input.generics.split_for_impl();
    Ok(quote! {
        impl #generics crate::core::json::ToJson for #ty #args #bounds {
            fn write_json(&self, w: &mut crate::core::json::Writer) {
                w.begin_object();
                #( #writes )*
                w.end_object();
            }
        }
    })
}

/// `#[derive(WriteName)]`: a unit enum's `ToJson`, its name as a string, the name `ReadName`
/// reads it by (`Named::name`).
#[proc_macro_derive(WriteName)]
pub fn derive_write_name(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let ty = &input.ident;
    quote! {
        impl crate::core::json::ToJson for #ty {
            fn write_json(&self, w: &mut crate::core::json::Writer) {
                w.string(crate::core::json::Named::name(self));
            }
        }
    }
    .into()
}
