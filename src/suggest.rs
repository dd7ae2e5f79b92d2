//! "Did you mean" suggestions for unknown names.

/// Names longer than this (in characters) get no suggestion: the edit
/// distance costs the product of the lengths, and nobody mistypes a name
/// that long.
const LONGEST_COMPARED: usize = 128;

/// The candidate closest to `name` (ignoring ASCII case), if it is close
/// enough to be a likely typo.
fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = name.chars().count();
    if length > LONGEST_COMPARED {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let limit = (length / 3).max(1);
    candidates
        .into_iter()
        // A length difference alone is that many edits.
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .map(|c| (distance(&lower, &c.to_ascii_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c.len()))
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The name a "did you mean" help line of [`help_for`] offers (the language
/// server's quick fix takes it).
#[cfg(any(feature = "lsp", test))]
pub(crate) fn offered(help: &str) -> Option<&str> {
    help.strip_prefix("did you mean `")?.strip_suffix("`?")
}

/// A "help" line offering the closest candidate, or listing the few there are.
pub(crate) fn help_for<'a>(
    name: &str,
    what: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<String> {
    if let Some(best) = closest(name, candidates.clone()) {
        return Some(format!("did you mean `{best}`?"));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    match all.len() {
        0 => None,
        1..=8 => Some(format!(
            "the {what} are {}",
            all.iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        n => Some(format!("there are {n} {what}, none close to `{name}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_ignoring_case() {
        assert_eq!(closest("Islnds", ["Islands", "SfBOnly"]), Some("Islands"));
        assert_eq!(closest("teamsonly", ["TeamsOnly"]), Some("TeamsOnly"));
        assert_eq!(closest("Federated", ["Islands", "SfBOnly"]), None);
    }

    #[test]
    fn suggestion_between_long_names_is_skipped_quickly() {
        let long = "a".repeat(64 * 1024);
        let other = format!("{}b", "a".repeat(64 * 1024 - 1));
        assert_eq!(closest(&long, [other.as_str()]), None);
        let near = "a".repeat(LONGEST_COMPARED - 1);
        let typo = format!("{}b", "a".repeat(LONGEST_COMPARED - 2));
        assert_eq!(closest(&near, [typo.as_str()]), Some(typo.as_str()));
    }

    #[test]
    fn the_offered_name_is_read_back_from_the_help() {
        let help = help_for("Islnds", "values", ["Islands", "SfBOnly"]).unwrap();
        assert_eq!(offered(&help), Some("Islands"));
        let listing = help_for("Federated", "values", ["Islands", "SfBOnly"]).unwrap();
        assert_eq!(offered(&listing), None);
    }
}
