//! Seniority from a self-typed title (DESIGN.md §3): guards first, then a rule table from
//! the most senior tier down, applied to each part of a multi-role title, keeping the
//! highest. Acronyms (CEO, CTO, …) are matched case-sensitively, so "Cook" is not COO.
//!
//! Must not: score; it only classifies.

use crate::model::Seniority;
use std::borrow::Cow;

/// A tier with how sure the rule is and which rule decided it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeniorityGuess {
    pub tier: Seniority,
    pub confidence: f32,
    pub rule: &'static str,
}

const CXO_ACRONYMS: [&str; 16] = [
    "CEO", "CTO", "CFO", "COO", "CIO", "CMO", "CPO", "CRO", "CISO", "CDO", "CSO", "CHRO", "CCO",
    "CAO", "CXO", "PDG",
];

// The tiers' words in the languages of most European networks (English, German, French,
// Spanish, Italian, Portuguese, Dutch), folded as titles are (lower case, accents off:
// `geschaftsfuhrer`). A word typed with its umlauts spelt out (`geschaeftsfuehrer`) is
// read as the listed word it spells (`as_listed`).

/// Who supports a decision maker (" assistant to the CEO "): in the folded title, with
/// the spaces around.
const SUPPORT_PHRASES: [&str; 14] = [
    " executive assistant ",
    " assistant to ",
    " secretary ",
    " assistante de direction ",
    " assistant de direction ",
    " asistente de direccion ",
    " asistente ejecutiva ",
    " assistente di direzione ",
    " assistentin der geschaftsfuhrung ",
    " assistent der geschaftsfuhrung ",
    " sekretarin ",
    " sekretar ",
    " secretaria ",
    " secretaire ",
];

/// Founders and owners.
const OWNER: [&str; 23] = [
    "founder",
    "cofounder",
    "founding",
    "owner",
    "inhaber",
    "inhaberin",
    "grunder",
    "mitgrunder",
    "fondateur",
    "fondatrice",
    "cofondateur",
    "cofondatrice",
    "fundador",
    "fundadora",
    "cofundador",
    "cofundadora",
    "fondatore",
    "cofondatore",
    "proprietaire",
    "propietario",
    "propietaria",
    "eigenaar",
    "oprichter",
];

/// One word that names the head of a company or a board member.
const CXO_WORDS: [&str; 11] = [
    "president",
    "presidente",
    "prasident",
    "prasidentin",
    "geschaftsfuhrer",
    "geschaftsfuhrerin",
    "vorstand",
    "vorstandsvorsitzender",
    "vorstandsvorsitzende",
    "gerant",
    "zaakvoerder",
];

/// Two words that do: a general director is the chief executive in most of Europe.
/// (A managing director is one wherever the two words stand: see classify_part.)
const CXO_PAIRS: [(&str, &str); 11] = [
    ("directeur", "general"),
    ("directrice", "generale"),
    ("director", "general"),
    ("directora", "general"),
    ("diretor", "geral"),
    ("diretora", "geral"),
    ("direttore", "generale"),
    ("amministratore", "delegato"),
    ("consejero", "delegado"),
    ("algemeen", "directeur"),
    ("gerante", "general"),
];

const VP_WORDS: [&str; 5] = ["vp", "svp", "evp", "vicepresidente", "vizeprasident"];

const DIRECTOR_WORDS: [&str; 12] = [
    "director",
    "head",
    "directeur",
    "directrice",
    "directora",
    "diretor",
    "diretora",
    "direttore",
    "direttrice",
    "direktor",
    "direktorin",
    "hoofd",
];

/// The head of a division or a department, as German compounds name them once split
/// (`Bereichsleiter` → `bereich leiter`, see normalize::title_key).
const DIRECTOR_PAIRS: [(&str, &str); 5] = [
    ("general", "manager"),
    ("bereich", "leiter"),
    ("bereich", "leiterin"),
    ("abteilung", "leiter"),
    ("abteilung", "leiterin"),
];

const MANAGER_WORDS: [&str; 10] = [
    "manager",
    "managerin",
    "supervisor",
    "responsable",
    "responsabile",
    "gerente",
    "leiter",
    "leiterin",
    "jefe",
    "jefa",
];

const SENIOR_WORDS: [&str; 6] = [
    "senior",
    "lead",
    "principal",
    "staff",
    "architect",
    "leader",
];

const ENTRY_WORDS: [&str; 11] = [
    "junior",
    "jr",
    "associate",
    "analyst",
    "assistant",
    "graduate",
    "analista",
    "asistente",
    "assistente",
    "assistent",
    "assistentin",
];

const TRAINING_WORDS: [&str; 23] = [
    "intern",
    "internship",
    "trainee",
    "apprentice",
    "student",
    "werkstudent",
    "werkstudentin",
    "praktikant",
    "praktikantin",
    "auszubildender",
    "auszubildende",
    "azubi",
    "stagiaire",
    "alternant",
    "alternante",
    "becario",
    "becaria",
    "pasante",
    "estagiario",
    "estagiaria",
    "tirocinante",
    "stagista",
    "stagiair",
];

/// Words before "executive" that make it a sales-type individual contributor.
const EXECUTIVE_IC: [&str; 13] = [
    "account",
    "sales",
    "business",
    "development",
    "marketing",
    "client",
    "customer",
    "relationship",
    "success",
    "recruitment",
    "media",
    "advertising",
    "partnership",
];

/// Words before "partner" (anywhere before it: "Talent Acquisition Partner") that make it
/// a role name, not a partnership.
const PARTNER_ROLE: [&str; 13] = [
    "business",
    "channel",
    "hr",
    "talent",
    "people",
    "strategic",
    "learning",
    "finance",
    "acquisition",
    "recruiting",
    "recruitment",
    "alliance",
    "alliances",
];

const SEPARATORS: [&str; 9] = ["|", "/", "·", "•", " - ", " – ", " & ", ",", " at "];

fn guess(tier: Seniority, confidence: f32, rule: &'static str) -> SeniorityGuess {
    SeniorityGuess {
        tier,
        confidence,
        rule,
    }
}

/// Classifies a whole title.
pub fn classify(title: &str) -> SeniorityGuess {
    let lower = title.to_lowercase();
    if lower.trim().is_empty() {
        return guess(Seniority::Unknown, 0.0, "no title");
    }
    let folded = super::normalize::fold(title);
    let words: Vec<Cow<'_, str>> = folded.split(' ').map(as_listed).collect();
    let folded = format!(" {} ", words.join(" "));
    if SUPPORT_PHRASES.iter().any(|p| folded.contains(p)) {
        return guess(
            Seniority::Support,
            0.9,
            "an assistant or secretary supports a decision maker but is not one",
        );
    }
    split_parts(title)
        .iter()
        .map(|part| classify_part(part, title))
        .max_by_key(|g| {
            (
                g.tier.rank().map_or(0, |r| r + 1),
                (g.confidence * 100.0) as u32,
            )
        })
        .unwrap_or_else(|| guess(Seniority::Unknown, 0.2, "no seniority word in the title"))
}

fn split_parts(title: &str) -> Vec<String> {
    let mut parts = vec![title.to_string()];
    for sep in SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| split_case_insensitive(p, sep))
            .collect();
    }
    parts.retain(|p| !p.trim().is_empty());
    parts
}

fn split_case_insensitive(s: &str, sep: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return s.split(sep).map(str::to_string).collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(i) = lower[start..].find(sep) {
        out.push(s[start..start + i].to_string());
        start += i + sep.len();
    }
    out.push(s[start..].to_string());
    out
}

fn has_word(lower: &str, word: &str) -> bool {
    words(lower).any(|w| w == word)
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Lowercased part with the normalisations of DESIGN.md §3 applied, as words, up to
/// where it names someone else's role ("Recruiter for VP Engineering roles": recruiter).
fn normalised_words(part: &str) -> Vec<String> {
    let key = super::normalize::role_part(&super::normalize::title_key(part));
    key.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| as_listed(w).into_owned())
        .collect()
}

/// `word` as the tiers' lists write it: one typed with umlauts spelt out
/// (`geschaeftsfuehrer`, as a keyboard without them writes it) is the listed word it spells
/// with them folded off (`geschaftsfuhrer`); any other word as it is.
fn as_listed(word: &str) -> Cow<'_, str> {
    let spelt = ["ae", "oe", "ue"].iter().any(|d| word.contains(d));
    if !spelt || is_listed(word) {
        return word.into();
    }
    let folded = word
        .replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u");
    match is_listed(&folded) {
        true => folded.into(),
        false => word.into(),
    }
}

/// Whether a tier's list, or a support phrase, has `word`.
fn is_listed(word: &str) -> bool {
    let lists: [&[&str]; 8] = [
        &OWNER,
        &CXO_WORDS,
        &VP_WORDS,
        &DIRECTOR_WORDS,
        &MANAGER_WORDS,
        &SENIOR_WORDS,
        &ENTRY_WORDS,
        &TRAINING_WORDS,
    ];
    lists.iter().any(|list| list.contains(&word))
        || (SUPPORT_PHRASES.iter()).any(|p| p.split(' ').any(|w| w == word))
}

/// Whether a title's words (folded, as [`normalised_words`] gives them) name a founder,
/// an owner or the head of a company by one of the tiers' words: what the function
/// classifier calls management.
pub(super) fn heads_a_company(words: &[&str]) -> bool {
    let words: Vec<Cow<'_, str>> = words.iter().map(|w| as_listed(w)).collect();
    let pair = |&(a, b): &(&str, &str)| words.windows(2).any(|w| w[0] == a && w[1] == b);
    words
        .iter()
        .any(|w| OWNER.contains(&w.as_ref()) || CXO_WORDS.contains(&w.as_ref()))
        || CXO_PAIRS.iter().any(pair)
}

/// A title part's words ([`normalised_words`]), and what the tier rules ask of them.
struct TitleWords<'a> {
    words: Vec<String>,
    /// The part as written, and the whole title it is part of (for acronyms' case).
    part: &'a str,
    whole: &'a str,
}

impl TitleWords<'_> {
    fn has(&self, x: &str) -> bool {
        self.words.iter().any(|y| y == x)
    }

    /// The word before the first `x`.
    fn before(&self, x: &str) -> Option<&str> {
        let at = self.words.iter().position(|y| y == x)?;
        Some(self.words[at.checked_sub(1)?].as_str())
    }

    /// The word after the first `x`.
    fn after(&self, x: &str) -> Option<&str> {
        let at = self.words.iter().position(|y| y == x)?;
        self.words.get(at + 1).map(String::as_str)
    }

    fn any(&self, list: &[&str]) -> bool {
        self.words.iter().any(|x| list.contains(&x.as_str()))
    }

    /// The first `a` followed by `b`.
    fn pair(&self, &(a, b): &(&str, &str)) -> bool {
        self.has(a) && self.after(a) == Some(b)
    }

    /// A partner in another role: a business partner, a partner manager.
    fn partner_in_a_role(&self) -> bool {
        const ROLES_AFTER: [&str; 5] = [
            "manager",
            "marketing",
            "success",
            "development",
            "management",
        ];
        (self.words.iter())
            .take_while(|x| *x != "partner")
            .any(|x| PARTNER_ROLE.contains(&x.as_str()))
            || self
                .after("partner")
                .is_some_and(|n| ROLES_AFTER.contains(&n))
    }

    /// A vice presidente (Spanish, Italian, Portuguese) is a VP.
    fn vice_presidente(&self) -> bool {
        self.before("presidente") == Some("vice")
    }

    /// A C-level acronym as listed (`CTO`), or in any case when the whole title is
    /// written in lower case (`cto`) and it has three letters or more.
    fn cxo_acronym(&self) -> bool {
        let lower_title = self.whole == self.whole.to_lowercase();
        words(self.part).any(|x| {
            CXO_ACRONYMS.contains(&x)
                || (lower_title && x.len() > 2)
                    && CXO_ACRONYMS.iter().any(|a| a.eq_ignore_ascii_case(x))
        })
    }

    fn chief_officer(&self) -> bool {
        let lower = self.part.to_lowercase();
        has_word(&lower, "chief") && has_word(&lower, "officer")
    }
}

/// A rule of [`TIER_RULES`]: when `holds`, the part is of `tier`, with `confidence`, for
/// the reason `rule` says.
struct TierRule {
    holds: fn(&TitleWords<'_>) -> bool,
    tier: Seniority,
    confidence: f32,
    rule: &'static str,
}

/// The rules a title part is classified by, in order: the first that holds decides. First
/// the guards (titles whose words would read as a higher tier), then the tiers, most
/// senior first.
const TIER_RULES: [TierRule; 13] = [
    TierRule {
        holds: |w| {
            w.before("executive")
                .is_some_and(|b| EXECUTIVE_IC.contains(&b))
        },
        tier: Seniority::Senior,
        confidence: 0.7,
        rule: "an account/sales executive is a senior individual contributor",
    },
    TierRule {
        holds: |w| w.after("chief") == Some("of") && w.has("staff"),
        tier: Seniority::Director,
        confidence: 0.7,
        rule: "a chief of staff ranks as a director",
    },
    TierRule {
        holds: |w| w.has("avp"),
        tier: Seniority::Director,
        confidence: 0.7,
        rule: "an assistant/associate VP ranks as a director",
    },
    TierRule {
        holds: |w| w.any(&OWNER),
        tier: Seniority::Owner,
        confidence: 0.9,
        rule: "founder or owner",
    },
    TierRule {
        holds: |w| w.before("partner") == Some("associate"),
        tier: Seniority::Senior,
        confidence: 0.7,
        rule: "an associate partner is senior, not a partner",
    },
    TierRule {
        holds: |w| w.has("partner") && !w.partner_in_a_role(),
        tier: Seniority::Partner,
        confidence: 0.85,
        rule: "partner",
    },
    TierRule {
        holds: |w| {
            !w.vice_presidente()
                && (w.cxo_acronym()
                    || w.chief_officer()
                    || w.any(&CXO_WORDS)
                    || (w.has("managing") && w.has("director"))
                    || CXO_PAIRS.iter().any(|p| w.pair(p)))
        },
        tier: Seniority::Cxo,
        confidence: 0.9,
        rule: "C-level, president or managing director",
    },
    TierRule {
        holds: |w| w.vice_presidente() || w.any(&VP_WORDS),
        tier: Seniority::Vp,
        confidence: 0.9,
        rule: "vice president",
    },
    TierRule {
        holds: |w| w.any(&DIRECTOR_WORDS) || DIRECTOR_PAIRS.iter().any(|p| w.pair(p)),
        tier: Seniority::Director,
        confidence: 0.85,
        rule: "director, head of, or general manager",
    },
    TierRule {
        // French "chef de projet", "chef d'équipe" (a chef alone cooks).
        holds: |w| {
            const LEADS: [(&str, &str); 4] = [
                ("team", "lead"),
                ("team", "leader"),
                ("chef", "de"),
                ("chef", "d"),
            ];
            w.any(&MANAGER_WORDS) || LEADS.iter().any(|p| w.pair(p))
        },
        tier: Seniority::Manager,
        confidence: 0.8,
        rule: "manager or team lead",
    },
    TierRule {
        holds: |w| w.any(&SENIOR_WORDS),
        tier: Seniority::Senior,
        confidence: 0.7,
        rule: "senior, lead, principal, staff or architect",
    },
    TierRule {
        holds: |w| w.any(&ENTRY_WORDS),
        tier: Seniority::Entry,
        confidence: 0.6,
        rule: "junior, associate, analyst, assistant or graduate",
    },
    TierRule {
        holds: |w| w.any(&TRAINING_WORDS),
        tier: Seniority::Training,
        confidence: 0.8,
        rule: "intern, trainee, apprentice or student",
    },
];

/// The tier of one part of a title (`whole`): by the first of [`TIER_RULES`] that holds,
/// else unknown.
fn classify_part(part: &str, whole: &str) -> SeniorityGuess {
    let words = TitleWords {
        words: normalised_words(part),
        part,
        whole,
    };
    match TIER_RULES.iter().find(|r| (r.holds)(&words)) {
        Some(r) => guess(r.tier, r.confidence, r.rule),
        None => guess(Seniority::Unknown, 0.2, "no seniority word in the title"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Seniority::*;

    #[test]
    fn design_cases_and_more() {
        let cases = [
            ("Founder & CEO", Owner),
            ("Executive Assistant to the CEO", Support),
            ("Assistant to the CTO", Support),
            ("Account Executive", Senior),
            ("MVP Program Lead", Senior),
            ("Vice President, Sales", Vp),
            ("Assistant Vice President", Director),
            ("HR Business Partner", Unknown),
            ("Associate Partner", Senior),
            ("Managing Director", Cxo),
            ("Cook", Unknown),
            ("Head Cook", Director),
            ("Student at X", Training),
            ("", Unknown),
            ("Co-Founder", Owner),
            ("Managing Partner", Partner),
            ("Partner Manager, EMEA", Manager),
            ("Chief of Staff", Director),
            ("Chief Technology Officer", Cxo),
            ("CTO", Cxo),
            ("cto", Cxo),
            ("SVP Engineering", Vp),
            ("Sr. Software Engineer", Senior),
            ("Head of Platform", Director),
            ("General Manager", Director),
            ("Engineering Manager", Manager),
            ("Team Lead", Manager),
            ("Junior Developer", Entry),
            ("Software Engineering Intern", Training),
            ("President", Cxo),
            ("Geschäftsführer", Cxo),
            // Europe's titles.
            ("Directeur Commercial", Director),
            ("Directrice Marketing", Director),
            ("Directora de Marketing", Director),
            ("Diretor de Vendas", Director),
            ("Direttore Vendite", Director),
            ("Leiter Vertrieb", Manager),
            ("Abteilungsleiter IT", Director),
            ("Bereichsleiter", Director),
            ("Teamleiter", Manager),
            // German compounds: the head noun's tier.
            ("Vertriebsleiter", Manager),
            ("Abteilungsleiterin Einkauf", Director),
            ("Marketingdirektor", Director),
            ("Produktmanagerin", Manager),
            ("Softwareentwickler", Unknown),
            ("Vorstand", Cxo),
            ("Vorstandsvorsitzender", Cxo),
            ("PDG", Cxo),
            ("Président-directeur général", Cxo),
            ("Directeur Général", Cxo),
            ("Director General", Cxo),
            ("Amministratore Delegato", Cxo),
            ("Consejero Delegado", Cxo),
            ("Gérant", Cxo),
            ("Vicepresidente de Ventas", Vp),
            ("Vice Presidente Comercial", Vp),
            ("Vizepräsident", Vp),
            ("Chef de projet", Manager),
            ("Chef d'équipe", Manager),
            ("Pastry Chef", Unknown),
            ("Jefe de ventas", Manager),
            ("Responsable des ventes", Manager),
            ("Cofundador", Owner),
            ("Co-fondateur", Owner),
            ("Mitgründer", Owner),
            ("Eigenaar", Owner),
            ("Stagiaire", Training),
            ("Becario", Training),
            ("Auszubildender", Training),
            ("Estagiário", Training),
            ("Asistente de dirección", Support),
            ("Assistante de direction du PDG", Support),
            ("Sekretärin", Support),
            ("Sekretaerin", Support),
            ("Assistentin der Geschaeftsfuehrung", Support),
            ("Praesidentin", Cxo),
            ("Gruender & Geschaeftsfuehrer", Owner),
            ("Geschaeftsfuehrerin", Cxo),
            ("Vizepraesident Vertrieb", Vp),
            ("Mitgruender", Owner),
            ("Sekretaer", Support),
            ("Asistente de ventas", Entry),
            ("Inhaber", Owner),
            ("Secretary", Support),
            ("Staff Engineer | Kubernetes", Senior),
            ("Data Analyst", Entry),
            ("Director of Engineering at Hooli", Director),
            ("Working Student", Training),
            ("Chief Executive Officer", Cxo),
            ("Software Engineer", Unknown),
            ("Channel Partner Lead", Senior),
            ("Talent Acquisition Partner, Platform", Unknown),
            ("Recruiter for VP Engineering roles", Unknown),
            ("Head of Sales for EMEA", Director),
            ("VP for Europe", Vp),
            ("Senior HR Business Partner", Senior),
            ("Alliances Partner", Unknown),
            ("Senior Partner", Partner),
            ("Equity Partner at Hooli Law", Partner),
        ];
        for (title, want) in cases {
            assert_eq!(classify(title).tier, want, "title {title:?}");
        }
    }

    #[test]
    fn flags_follow_tiers() {
        assert!(classify("VP Engineering").tier.is_vp_plus());
        assert!(!classify("Director of Sales").tier.is_vp_plus());
        assert!(classify("Director of Sales").tier.is_decision_maker());
        assert!(
            !classify("Executive Assistant to the CEO")
                .tier
                .is_decision_maker()
        );
    }
}
