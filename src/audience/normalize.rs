//! Text normalisation shared by matching and scoring: case folding, punctuation to
//! spaces, company legal suffixes removed, common title synonyms unified.
//!
//! Must not: score or classify; it only rewrites strings.

use std::borrow::Cow;

/// Legal suffixes dropped from company names before comparing them (`SAP SE` is the
/// target `SAP`; Norway's AS and ASA, Denmark's ApS, Finland's Oyj, Germany's KG).
const LEGAL_SUFFIXES: [&str; 31] = [
    "se",
    "sl",
    "kg",
    "as",
    "asa",
    "aps",
    "oyj",
    "ltda",
    "llp",
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "limited",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "bv",
    "nv",
    "plc",
    "corp",
    "corporation",
    "co",
    "company",
    "srl",
    "spa",
    "oy",
    "ab",
    "pty",
];

/// Folded as a filter folds it ([`crate::text::folded_char`]: invisible characters out,
/// lower case), punctuation replaced by spaces, whitespace collapsed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    let mut push = |c: char| {
        if c.is_alphanumeric() || c == '+' || c == '#' {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    };
    for c in s.chars() {
        match c.is_ascii() {
            true => push(c.to_ascii_lowercase()),
            false => crate::text::folded_char(c).for_each(&mut push),
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A company name as a comparable key: folded, legal suffixes and a leading "the" removed.
pub fn company_key(s: &str) -> String {
    let folded = fold(s);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    loop {
        match spelt_suffix(&words) {
            0 if words.len() > 1 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w)) => {
                words.pop();
            }
            0 => break,
            letters => words.truncate(words.len() - letters),
        }
    }
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

/// `s`, and `s` with its umlauts and rings spelt out when it has any (`Müller` and
/// `mueller`, [`crate::text::spelt_out`]): the texts a profile's value and a contact's are
/// both compared as, so that either spelling finds the other.
pub fn spellings(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let spelt = crate::text::other_spelling(s).map(Cow::Owned);
    std::iter::once(Cow::Borrowed(s)).chain(spelt)
}

/// The [`company_key`]s of a company's [`spellings`] (`muller`, `mueller` for Müller
/// GmbH): two names are of one company when they share one.
pub fn company_keys(s: &str) -> impl Iterator<Item = String> + '_ {
    spellings(s).map(|s| company_key(&s))
}

/// How many single letters end `words` that spell a legal suffix with their dots or
/// slash folded away (`B.V.` → `b v`, `S.p.A.`, `A/S`), when a name stays before them;
/// else 0.
fn spelt_suffix(words: &[&str]) -> usize {
    let letters = words
        .iter()
        .rev()
        .take_while(|w| w.chars().count() == 1)
        .count();
    let joined: String = words[words.len() - letters..].concat();
    let is_suffix = letters >= 2 && letters < words.len() && LEGAL_SUFFIXES.contains(&&*joined);
    if is_suffix { letters } else { 0 }
}

/// Phrases unified in titles before matching, longest first.
const TITLE_SYNONYMS: [(&str, &str); 16] = [
    ("assistant vice president", "avp"),
    ("associate vice president", "avp"),
    ("senior vice president", "svp"),
    ("executive vice president", "evp"),
    ("vice president", "vp"),
    ("chief executive officer", "ceo"),
    ("chief technology officer", "cto"),
    ("chief technical officer", "cto"),
    ("chief operating officer", "coo"),
    ("chief financial officer", "cfo"),
    ("chief marketing officer", "cmo"),
    ("chief product officer", "cpo"),
    ("chief information officer", "cio"),
    ("co founder", "cofounder"),
    ("sr", "senior"),
    ("eng", "engineering"),
];

/// The head nouns German titles are compounded with ("Vertriebsleiter" is a head of
/// sales): split off, the head's tier and the rest's function are found as in any title.
const COMPOUND_HEADS: [&str; 18] = [
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "manager",
    "managerin",
    "entwickler",
    "entwicklerin",
    "ingenieur",
    "ingenieurin",
    "berater",
    "beraterin",
    "referent",
    "referentin",
    "spezialist",
    "spezialistin",
    "assistent",
    "assistentin",
];

/// `word` as two when it is a German compound title ([`COMPOUND_HEADS`]): `vertriebsleiter`
/// → `vertrieb leiter` (the linking s after a consonant dropped), else as it is.
fn split_compound(word: &str) -> Cow<'_, str> {
    // Every head ends in r, n or t.
    if !word.ends_with(['r', 'n', 't']) {
        return Cow::Borrowed(word);
    }
    let split = COMPOUND_HEADS.iter().find_map(|head| {
        let prefix = word.strip_suffix(head)?;
        if prefix.chars().count() < 3 {
            return None;
        }
        let mut end = prefix.chars().rev();
        let linking_s = end.next() == Some('s')
            && end
                .next()
                .is_some_and(|c| c.is_alphabetic() && !"aeious".contains(c));
        let prefix = if linking_s {
            &prefix[..prefix.len() - 1]
        } else {
            prefix
        };
        Some(format!("{prefix} {head}"))
    });
    split.map_or(Cow::Borrowed(word), Cow::Owned)
}

/// A title folded with synonyms unified (`Vice President, Engineering` → `vp engineering`)
/// and German compound titles split (`Vertriebsleiter` → `vertrieb leiter`).
pub fn title_key(s: &str) -> String {
    let mut folded = fold(s);
    // Most titles hold no compound: copied only when one splits.
    if folded
        .split(' ')
        .any(|w| matches!(split_compound(w), Cow::Owned(_)))
    {
        let words: Vec<Cow<'_, str>> = folded.split(' ').map(split_compound).collect();
        folded = words.join(" ");
    }
    let mut t = format!(" {folded} ");
    for (from, to) in TITLE_SYNONYMS {
        let pattern = format!(" {from} ");
        while let Some(i) = t.find(&pattern) {
            t.replace_range(i..i + pattern.len(), &format!(" {to} "));
        }
    }
    t.trim().to_string()
}

/// The part of a title naming the holder's own role: what follows "to" or "for" names
/// someone else's ("Executive Assistant to the CTO", "Recruiter for VP Engineering roles").
pub fn role_part(title_key: &str) -> String {
    let padded = format!(" {title_key} ");
    let cut = [" to ", " for "]
        .iter()
        .filter_map(|w| padded.find(w))
        .min();
    match cut {
        Some(i) => padded[..i].trim().to_string(),
        None => title_key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_keys_drop_legal_suffixes_and_punctuation() {
        assert_eq!(company_key("Hooli, Inc."), "hooli");
        assert_eq!(company_key("Stark Cloud GmbH"), "stark cloud");
        assert_eq!(company_key("The Blue Sun Corp"), "blue sun");
        assert_eq!(company_key("Co"), "co");
        assert_eq!(company_key("SAP SE"), "sap");
        assert_eq!(company_key("Equinor ASA"), "equinor");
        assert_eq!(company_key("Dr. Oetker KG"), "dr oetker");
        assert_eq!(
            company_key("As"),
            "as",
            "a name that is only a suffix stays"
        );
        // Suffixes written with dots or a slash.
        assert_eq!(company_key("Philips N.V."), "philips");
        assert_eq!(company_key("Novo Nordisk A/S"), "novo nordisk");
        assert_eq!(company_key("Ferrari S.p.A."), "ferrari");
        assert_eq!(company_key("Acme S.à r.l."), "acme");
        assert_eq!(company_key("Mercadona, S.L."), "mercadona");
        assert_eq!(company_key("Bosch GmbH & Co. KG"), "bosch");
        assert_eq!(
            company_key("H&M"),
            "h m",
            "initials that spell no suffix stay"
        );
        assert_eq!(
            company_key("S.A."),
            "s a",
            "nothing before them: the name itself"
        );
    }

    /// A soft hyphen or a zero-width space does not split a word, and a no-break space is
    /// a space: "Soft­ware" as copied from a web page is the company typed as "Software".
    #[test]
    fn invisible_characters_do_not_split_words() {
        assert_eq!(
            company_key("Soft\u{ad}ware\u{a0}GmbH"),
            company_key("Software")
        );
        assert_eq!(fold("VP\u{200b} Sales\u{200e}"), "vp sales");
    }

    /// German compound titles are split before their head noun, the linking s dropped
    /// after a consonant only; a head alone, or other words, stay whole.
    #[test]
    fn german_compound_titles_are_split_at_their_head() {
        assert_eq!(title_key("Vertriebsleiter"), "vertrieb leiter");
        assert_eq!(
            title_key("Abteilungsleiterin Einkauf"),
            "abteilung leiterin einkauf"
        );
        assert_eq!(title_key("Salesmanager DACH"), "sales manager dach");
        assert_eq!(title_key("Softwareentwickler"), "software entwickler");
        assert_eq!(title_key("Geschäftsführer"), "geschaftsfuhrer");
        assert_eq!(title_key("Manager, Leiter"), "manager leiter");
        assert_eq!(title_key("IT-Leiter"), "it leiter");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// A key is its own key (one written folded, a profile's value, meets the key of
        /// the text it came from), and a company's spellings give the same key once
        /// folded: whatever the text, in any script.
        #[test]
        fn keys_are_their_own_keys(text in "\\PC{0,24}( [a-zA-Z.&/]{1,4}){0,3}") {
            let key = company_key(&text);
            proptest::prop_assert_eq!(company_key(&key), key.clone());
            proptest::prop_assert_eq!(fold(&fold(&text)), fold(&text));
            let keys: Vec<String> = company_keys(&text).collect();
            proptest::prop_assert_eq!(&keys[0], &key);
            if let Some(spelt) = keys.get(1) {
                proptest::prop_assert_eq!(company_key(spelt), spelt.clone());
            }
        }
    }

    #[test]
    fn titles_unify_synonyms() {
        assert_eq!(title_key("Vice President, Engineering"), "vp engineering");
        assert_eq!(title_key("Sr. Software Eng"), "senior software engineering");
        assert_eq!(
            title_key("Co-Founder & Chief Technology Officer"),
            "cofounder cto"
        );
    }
}
