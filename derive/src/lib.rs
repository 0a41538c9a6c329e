//! `#[derive(ReadObject)]`: a struct's `serde::Deserialize`, read from a JSON object only, with
//! the rules written on the struct in serde's own attributes, as serde's derive reads them:
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
//! Other serde attributes (`skip_serializing_if`, …) concern writing, which stays serde's
//! derive. Why not serde's `Deserialize` derive: per struct it also compiles a reader of the
//! struct written as a sequence and three matchers of field names that JSON never uses (8 KB of
//! the editor's gzipped WASM for two dozen structs; see BENCHMARKS.md). The error messages are
//! serde's own, so `core::json::error_vi` translates them alike.

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr, Type};

struct Field {
    ident: syn::Ident,
    key: String,
    aliases: Vec<String>,
    default: bool,
    skip: bool,
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
        .ok_or_else(|| syn::Error::new_spanned(f, "ReadObject needs named fields"))?;
    let mut field = Field {
        key: ident.to_string(),
        ident,
        aliases: Vec::new(),
        default: all_default || is_option(&f.ty),
        skip: false,
    };
    for attr in f.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                field.key = meta.value()?.parse::<LitStr>()?.value();
            } else if meta.path.is_ident("alias") {
                field.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("default") {
                field.default = true;
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                field.skip = true;
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        })?;
    }
    Ok(field)
}

#[proc_macro_derive(ReadObject, attributes(serde))]
pub fn derive_read_object(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(t) => t.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let rules = container_rules(input)?;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(input, "ReadObject reads structs only"));
    };
    let Fields::Named(named) = &data.fields else {
        return Err(syn::Error::new_spanned(input, "ReadObject needs named fields"));
    };
    let fields = named
        .named
        .iter()
        .map(|f| field_rules(f, rules.all_default))
        .collect::<syn::Result<Vec<_>>>()?;
    let ty = &input.ident;
    let expecting = format!("struct {ty}");
    let read: Vec<&Field> = fields.iter().filter(|f| !f.skip).collect();
    let keys: Vec<&String> = read.iter().map(|f| &f.key).collect();
    let idents: Vec<&syn::Ident> = read.iter().map(|f| &f.ident).collect();
    let arms = read.iter().map(|f| {
        let (ident, key) = (&f.ident, &f.key);
        let aliases = &f.aliases;
        quote! {
            k if k == #key #(|| k == #aliases)* => {
                if #ident.is_some() {
                    return Err(serde::de::Error::duplicate_field(#key));
                }
                #ident = Some(map.next_value()?);
            }
        }
    });
    let unknown = if rules.deny_unknown {
        quote! { return Err(serde::de::Error::unknown_field(other, FIELDS)); }
    } else {
        quote! { map.next_value::<serde::de::IgnoredAny>()?; }
    };
    let takes = fields.iter().map(|f| {
        let (ident, key) = (&f.ident, &f.key);
        if f.skip {
            quote! { #ident: Default::default() }
        } else if f.default {
            quote! { #ident: #ident.unwrap_or_default() }
        } else {
            quote! {
                #ident: match #ident {
                    Some(v) => v,
                    None => return Err(serde::de::Error::missing_field(#key)),
                }
            }
        }
    });
    Ok(quote! {
        impl<'de> serde::Deserialize<'de> for #ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[#(#keys),*];
                struct Reader;
                impl<'de> serde::de::Visitor<'de> for Reader {
                    type Value = #ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<#ty, A::Error> {
                        #( let mut #idents = None; )*
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                #(#arms)*
                                other => {
                                    let _ = FIELDS;
                                    #unknown
                                }
                            }
                        }
                        Ok(#ty { #(#takes),* })
                    }
                }
                d.deserialize_map(Reader)
            }
        }
    })
}
