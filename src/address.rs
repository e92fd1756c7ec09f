//! The app's addresses (`#/quiz/bank`): which page an address names, and each page's address.
//!
//! Read by hand rather than by yew-router's derive, which builds a general route matcher
//! (`route_recognizer`) for eighteen fixed shapes: the same rules in a few lines, and tested
//! here. `routes.rs` hands them to the router. A trailing `/` is ignored, a value in an address
//! is percent-decoded, and an address that names no page is [`Route::NotFound`].

/// A page of the app.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Route {
    Home,
    Roster,
    Quiz,
    QuizTab { tab: String },
    Assessment,
    AssessmentRound { id: String },
    AssessmentTab { tab: String },
    Admonition,
    AdmonitionCase { id: String },
    AdmonitionTab { tab: String },
    WorkLine,
    WorkLineDetail { id: String },
    WorkLineTab { tab: String },
    Village,
    VillageTab { tab: String },
    Data,
    Profile,
    NotFound,
}

/// Every address shape, `:name` standing for one segment.
pub const SHAPES: [&str; 18] = [
    "/",
    "/roster",
    "/quiz",
    "/quiz/:tab",
    "/assessment",
    "/assessment/round/:id",
    "/assessment/:tab",
    "/admonition",
    "/admonition/case/:id",
    "/admonition/:tab",
    "/workline",
    "/workline/line/:id",
    "/workline/:tab",
    "/village",
    "/village/:tab",
    "/data",
    "/profile",
    "/404",
];

impl Route {
    /// The page an address names.
    pub fn at(path: &str) -> Route {
        let path = path.strip_suffix('/').unwrap_or(path);
        if path.is_empty() {
            return Route::Home;
        }
        let Some(rest) = path.strip_prefix('/') else {
            return Route::NotFound;
        };
        let parts: Vec<&str> = rest.split('/').collect();
        // A value is one segment, not empty.
        let value = |segment: &str| (!segment.is_empty()).then(|| decode(segment)).flatten();
        let page = match parts.as_slice() {
            ["roster"] => Some(Route::Roster),
            ["quiz"] => Some(Route::Quiz),
            ["quiz", tab] => value(tab).map(|tab| Route::QuizTab { tab }),
            ["assessment"] => Some(Route::Assessment),
            ["assessment", "round", id] => value(id).map(|id| Route::AssessmentRound { id }),
            ["assessment", tab] => value(tab).map(|tab| Route::AssessmentTab { tab }),
            ["admonition"] => Some(Route::Admonition),
            ["admonition", "case", id] => value(id).map(|id| Route::AdmonitionCase { id }),
            ["admonition", tab] => value(tab).map(|tab| Route::AdmonitionTab { tab }),
            ["workline"] => Some(Route::WorkLine),
            ["workline", "line", id] => value(id).map(|id| Route::WorkLineDetail { id }),
            ["workline", tab] => value(tab).map(|tab| Route::WorkLineTab { tab }),
            ["village"] => Some(Route::Village),
            ["village", tab] => value(tab).map(|tab| Route::VillageTab { tab }),
            ["data"] => Some(Route::Data),
            ["profile"] => Some(Route::Profile),
            _ => None,
        };
        page.unwrap_or(Route::NotFound)
    }

    /// The page's address, its values percent-encoded.
    pub fn address(&self) -> String {
        let with = |shape: &str, value: &str| format!("{shape}{}", encode(value));
        match self {
            Route::Home => "/".into(),
            Route::Roster => "/roster".into(),
            Route::Quiz => "/quiz".into(),
            Route::QuizTab { tab } => with("/quiz/", tab),
            Route::Assessment => "/assessment".into(),
            Route::AssessmentRound { id } => with("/assessment/round/", id),
            Route::AssessmentTab { tab } => with("/assessment/", tab),
            Route::Admonition => "/admonition".into(),
            Route::AdmonitionCase { id } => with("/admonition/case/", id),
            Route::AdmonitionTab { tab } => with("/admonition/", tab),
            Route::WorkLine => "/workline".into(),
            Route::WorkLineDetail { id } => with("/workline/line/", id),
            Route::WorkLineTab { tab } => with("/workline/", tab),
            Route::Village => "/village".into(),
            Route::VillageTab { tab } => with("/village/", tab),
            Route::Data => "/data".into(),
            Route::Profile => "/profile".into(),
            Route::NotFound => "/404".into(),
        }
    }
}

/// `%XX` escapes decoded; a `%` not followed by two hex digits stays as it is. `None` when the
/// bytes are not UTF-8.
fn decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                // Two hex digits make one byte.
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Every byte but ASCII letters, digits and `-_.~` as `%XX`.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tab(t: &str) -> String {
        t.to_string()
    }

    #[test]
    fn each_shape_names_its_page_and_back() {
        let id = "5f0c1d2e-0000-4000-8000-000000000001".to_string();
        let pages = [
            ("/", Route::Home),
            ("/roster", Route::Roster),
            ("/quiz", Route::Quiz),
            ("/quiz/bank", Route::QuizTab { tab: tab("bank") }),
            ("/assessment", Route::Assessment),
            (
                "/assessment/round/5f0c1d2e-0000-4000-8000-000000000001",
                Route::AssessmentRound { id: id.clone() },
            ),
            (
                "/assessment/count",
                Route::AssessmentTab { tab: tab("count") },
            ),
            ("/admonition", Route::Admonition),
            (
                "/admonition/case/5f0c1d2e-0000-4000-8000-000000000001",
                Route::AdmonitionCase { id: id.clone() },
            ),
            (
                "/admonition/calendar",
                Route::AdmonitionTab {
                    tab: tab("calendar"),
                },
            ),
            ("/workline", Route::WorkLine),
            (
                "/workline/line/5f0c1d2e-0000-4000-8000-000000000001",
                Route::WorkLineDetail { id },
            ),
            (
                "/workline/standup",
                Route::WorkLineTab {
                    tab: tab("standup"),
                },
            ),
            ("/village", Route::Village),
            (
                "/village/service",
                Route::VillageTab {
                    tab: tab("service"),
                },
            ),
            ("/data", Route::Data),
            ("/profile", Route::Profile),
            ("/404", Route::NotFound),
        ];
        assert_eq!(pages.len(), SHAPES.len());
        for (path, page) in pages {
            assert_eq!(Route::at(path), page, "{path}");
            assert_eq!(page.address(), path);
        }
    }

    #[test]
    fn a_fixed_segment_comes_before_a_value() {
        // "round" alone is a tab's name; with an id after it, a round.
        assert_eq!(
            Route::at("/assessment/round"),
            Route::AssessmentTab { tab: tab("round") }
        );
        assert_eq!(
            Route::at("/admonition/case"),
            Route::AdmonitionTab { tab: tab("case") }
        );
        assert_eq!(
            Route::at("/workline/line"),
            Route::WorkLineTab { tab: tab("line") }
        );
    }

    #[test]
    fn a_trailing_slash_is_ignored_and_anything_else_is_not_found() {
        assert_eq!(Route::at(""), Route::Home);
        assert_eq!(Route::at("/quiz/"), Route::Quiz);
        assert_eq!(
            Route::at("/assessment/round/"),
            Route::AssessmentTab { tab: tab("round") }
        );
        assert_eq!(
            Route::at("/quiz/bank/"),
            Route::QuizTab { tab: tab("bank") }
        );
        for path in [
            "//",
            "/quiz//",
            "/quiz/bank/extra",
            "/Quiz",
            "quiz",
            "/unknown",
            "/roster/x",
            "/assessment/round//",
            "/assessment/round/a/b",
        ] {
            assert_eq!(Route::at(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn values_are_percent_decoded_and_encoded() {
        assert_eq!(
            Route::at("/quiz/%E9%A2%98%E5%BA%93"),
            Route::QuizTab { tab: tab("题库") }
        );
        assert_eq!(
            Route::QuizTab { tab: tab("题库") }.address(),
            "/quiz/%E9%A2%98%E5%BA%93"
        );
        assert_eq!(
            Route::QuizTab { tab: tab("a b/c") }.address(),
            "/quiz/a%20b%2Fc"
        );
        assert_eq!(
            Route::at("/quiz/a%20b%2Fc"),
            Route::QuizTab { tab: tab("a b/c") }
        );
        // A stray % stays; bytes that are not UTF-8 name no page.
        assert_eq!(Route::at("/quiz/100%"), Route::QuizTab { tab: tab("100%") });
        assert_eq!(Route::at("/quiz/%zz"), Route::QuizTab { tab: tab("%zz") });
        assert_eq!(Route::at("/quiz/%FF"), Route::NotFound);
    }
}
