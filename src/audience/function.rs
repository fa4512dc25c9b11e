//! Business function from a title (DESIGN.md §3): the second axis users segment by,
//! beside seniority. First matching rule wins; the order resolves overlaps
//! ("Technical Recruiter" is HR, "Product Marketing Manager" is marketing).
//!
//! Must not: score; it only classifies.

use crate::model::Function;

/// (function, words or phrases in the folded, synonym-unified title).
const RULES: &[(Function, &[&str])] = &[
    (
        Function::Hr,
        &[
            "recruiter",
            "recruiting",
            "recruitment",
            "talent",
            "human resources",
            "hr",
            "hrbp",
            "people operations",
            "chro",
        ],
    ),
    (
        Function::Legal,
        &[
            "legal",
            "lawyer",
            "counsel",
            "attorney",
            "paralegal",
            "compliance",
        ],
    ),
    (
        Function::CustomerSuccess,
        &[
            "customer success",
            "client success",
            "customer experience",
            "customer support",
            "support",
        ],
    ),
    (
        Function::Marketing,
        &[
            "marketing",
            "growth",
            "brand",
            "content",
            "seo",
            "communications",
            "cmo",
            "demand generation",
        ],
    ),
    (
        Function::Sales,
        &[
            "sales",
            "account executive",
            "business development",
            "bdr",
            "sdr",
            "account manager",
            "cro",
            "revenue",
            "partnerships",
        ],
    ),
    (
        Function::Data,
        &[
            "data",
            "analytics",
            "machine learning",
            "ml",
            "ai",
            "scientist",
            "bi",
        ],
    ),
    (
        Function::Design,
        &["design", "designer", "ux", "ui", "creative"],
    ),
    (Function::Product, &["product", "cpo"]),
    (
        Function::Engineering,
        &[
            "engineer",
            "engineering",
            "developer",
            "software",
            "devops",
            "sre",
            "platform",
            "infrastructure",
            "cto",
            "architect",
            "programmer",
            "site reliability",
            "qa",
            "security",
            "cloud",
            "kubernetes",
            "backend",
            "frontend",
            "technology",
            "it",
        ],
    ),
    (
        Function::Finance,
        &[
            "finance",
            "financial",
            "accountant",
            "accounting",
            "cfo",
            "controller",
            "treasury",
            "audit",
            "investor",
            "investment",
        ],
    ),
    (
        Function::Operations,
        &[
            "operations",
            "ops",
            "coo",
            "supply chain",
            "logistics",
            "procurement",
            "office manager",
        ],
    ),
    (
        Function::Education,
        &[
            "teacher",
            "professor",
            "lecturer",
            "education",
            "student",
            "researcher",
            "tutor",
            "phd",
        ],
    ),
    (
        Function::Management,
        &[
            "founder",
            "cofounder",
            "ceo",
            "owner",
            "managing director",
            "general manager",
            "president",
            "entrepreneur",
            "partner",
        ],
    ),
];

/// The function of a title; `Other` when no rule matches.
pub fn classify(title: &str) -> Function {
    let key = format!(
        " {} ",
        super::normalize::role_part(&super::normalize::title_key(title))
    );
    RULES
        .iter()
        .find(|(_, words)| words.iter().any(|w| key.contains(&format!(" {w} "))))
        .map_or(Function::Other, |(f, _)| *f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions() {
        let cases = [
            ("VP Engineering", Function::Engineering),
            ("Technical Recruiter", Function::Hr),
            ("Product Marketing Manager", Function::Marketing),
            ("Senior Product Manager", Function::Product),
            ("Account Executive", Function::Sales),
            ("Founder & CEO", Function::Management),
            ("Chief Financial Officer", Function::Finance),
            ("Data Scientist", Function::Data),
            ("UX Designer", Function::Design),
            ("Customer Success Manager", Function::CustomerSuccess),
            ("General Counsel", Function::Legal),
            ("Head of Platform", Function::Engineering),
            ("Professor of Physics", Function::Education),
            ("Gardener", Function::Other),
            ("Executive Assistant to the CTO", Function::Other),
        ];
        for (title, want) in cases {
            assert_eq!(classify(title), want, "{title}");
        }
    }
}
