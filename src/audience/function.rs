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
            "rrhh",
            "ressources humaines",
            "recursos humanos",
            "risorse umane",
            "recrutement",
            "reclutamiento",
            "personalwesen",
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
            "juriste",
            "jurist",
            "avocat",
            "avocate",
            "abogado",
            "abogada",
            "avvocato",
            "advogado",
            "rechtsanwalt",
            "rechtsanwaltin",
            "notaire",
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
            "communication",
            "comunicacion",
            "kommunikation",
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
            "commercial",
            "comercial",
            "commerciale",
            "vente",
            "ventes",
            "ventas",
            "vendas",
            "vendite",
            "vertrieb",
            "verkauf",
            "verkoop",
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
        &[
            "design",
            "designer",
            "ux",
            "ui",
            "creative",
            "graphiste",
            "disenador",
            "disenadora",
        ],
    ),
    (
        Function::Product,
        &[
            "product", "cpo", "produit", "producto", "produkt", "prodotto",
        ],
    ),
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
            "ingenieur",
            "ingenieurin",
            "ingeniero",
            "ingeniera",
            "engenheiro",
            "engenheira",
            "ingegnere",
            "entwickler",
            "entwicklerin",
            "developpeur",
            "developpeuse",
            "desarrollador",
            "desarrolladora",
            "sviluppatore",
            "logiciel",
            "informatique",
            "informatica",
            "informatik",
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
            "comptable",
            "comptabilite",
            "contable",
            "contabilidad",
            "contador",
            "buchhalter",
            "buchhalterin",
            "buchhaltung",
            "finanzen",
            "finanzas",
            "financas",
            "finanze",
            "controlling",
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
            "logistique",
            "logistica",
            "logistik",
            "achats",
            "compras",
            "einkauf",
            "acquisti",
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
            "professeur",
            "profesor",
            "profesora",
            "professore",
            "professoressa",
            "lehrer",
            "lehrerin",
            "docente",
            "enseignant",
            "enseignante",
            "chercheur",
            "chercheuse",
            "investigador",
            "investigadora",
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
            "pdg",
        ],
    ),
];

/// The function of a title; else management for one that names the head of a company
/// as seniority knows them in other languages (Geschäftsführer, fondateur, presidente…);
/// else `Other`.
pub fn classify(title: &str) -> Function {
    let key = format!(
        " {} ",
        super::normalize::role_part(&super::normalize::title_key(title))
    );
    let found = (RULES.iter())
        .find(|(_, words)| words.iter().any(|w| key.contains(&format!(" {w} "))))
        .map(|(f, _)| *f);
    found.unwrap_or_else(|| {
        let words: Vec<&str> = key.split_whitespace().collect();
        match super::seniority::heads_a_company(&words) {
            true => Function::Management,
            false => Function::Other,
        }
    })
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
            // Europe's titles.
            ("Directeur Commercial", Function::Sales),
            ("Leiter Vertrieb", Function::Sales),
            ("Jefe de ventas", Function::Sales),
            ("Ingénieur logiciel", Function::Engineering),
            ("Entwickler Backend", Function::Engineering),
            ("Chef de produit", Function::Product),
            ("Responsable RRHH", Function::Hr),
            ("Directrice des ressources humaines", Function::Hr),
            ("Avocate associée", Function::Legal),
            ("Comptable", Function::Finance),
            ("Responsable Achats", Function::Operations),
            ("Professeur de mathématiques", Function::Education),
            ("Fondateur & PDG", Function::Management),
            ("Geschäftsführer", Function::Management),
            ("Geschaeftsfuehrer", Function::Management),
            ("Mitgruender", Function::Management),
            // German compounds: the function of what the head noun is compounded with.
            ("Vertriebsleiter", Function::Sales),
            ("Softwareentwickler", Function::Engineering),
            ("Entwicklungsingenieur", Function::Engineering),
            ("Marketingdirektor", Function::Marketing),
            ("Produktmanagerin", Function::Product),
            ("Einkaufsleiter", Function::Operations),
            ("Salesmanager", Function::Sales),
        ];
        for (title, want) in cases {
            assert_eq!(classify(title), want, "{title}");
        }
    }
}
