//! The contact fields a column of a contact CSV (a CRM export, an enrichment file) can
//! fill, the header names recognised for each, and the user's own names for them
//! (`import --map FIELD=COLUMN`, remembered for files with the same header): one table
//! for the file recogniser, the row readers and the messages that name fields.
//!
//! Must not: read records; `rows` does.

use crate::error::{Error, Result};

/// A contact field a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    FirstName,
    LastName,
    /// A full name in one column ("Ada Lovelace"), split at its first space.
    Name,
    Url,
    Email,
    Company,
    Position,
    Industry,
    Location,
    /// `;`-separated tags, as netcurate's own exports write them.
    Tags,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::FirstName,
        Field::LastName,
        Field::Name,
        Field::Url,
        Field::Email,
        Field::Company,
        Field::Position,
        Field::Industry,
        Field::Location,
        Field::Tags,
    ];

    /// The field as `--map` and the import report name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::FirstName => "first-name",
            Field::LastName => "last-name",
            Field::Name => "name",
            Field::Url => "url",
            Field::Email => "email",
            Field::Company => "company",
            Field::Position => "position",
            Field::Industry => "industry",
            Field::Location => "location",
            Field::Tags => "tags",
        }
    }

    /// The header names recognised for the field (as [`normalise_header`] leaves them),
    /// most specific first; a column the user maps is read as the first.
    pub fn headers(self) -> &'static [&'static str] {
        // English first, then as CRMs in German, French, Spanish, Italian, Portuguese and
        // Dutch label their columns (folded: `prénom` is `prenom`).
        match self {
            Field::FirstName => &[
                "first name",
                "firstname",
                "given name",
                "vorname",
                "prenom",
                "nombre",
                "nome",
                "voornaam",
            ],
            Field::LastName => &[
                "last name",
                "lastname",
                "surname",
                "family name",
                "nachname",
                "familienname",
                "nom",
                "nom de famille",
                "apellido",
                "apellidos",
                "cognome",
                "sobrenome",
                "achternaam",
            ],
            Field::Name => &[
                "name",
                "full name",
                "contact name",
                "nom complet",
                "nombre completo",
                "nome completo",
                "volledige naam",
            ],
            Field::Url => &[
                "url",
                "linkedin url",
                "profile url",
                "linkedin",
                "linkedin profile",
                "linkedin-profil",
                "profil linkedin",
                "perfil de linkedin",
            ],
            Field::Email => &[
                "email address",
                "email",
                "e-mail",
                "e-mail-adresse",
                "adresse e-mail",
                "courriel",
                "correo electronico",
                "correo",
            ],
            Field::Company => &[
                "company",
                "company name",
                "organization",
                "organisation",
                "account name",
                "firma",
                "unternehmen",
                "unternehmensname",
                "entreprise",
                "societe",
                "empresa",
                "azienda",
                "bedrijf",
            ],
            Field::Position => &[
                "position",
                "job title",
                "title",
                "jobtitel",
                "berufsbezeichnung",
                "poste",
                "fonction",
                "intitule du poste",
                "cargo",
                "puesto",
                "ruolo",
                "functie",
                "functietitel",
            ],
            Field::Industry => &["industry", "branche", "secteur", "sector", "settore"],
            Field::Location => &[
                "location",
                "city",
                "country",
                "region",
                "ort",
                "stadt",
                "standort",
                "land",
                "ville",
                "pays",
                "localisation",
                "ciudad",
                "pais",
                "ubicacion",
                "citta",
                "paese",
                "cidade",
                "plaats",
            ],
            Field::Tags => &["tags"],
        }
    }

    fn named(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// The field a recognised header name stands for.
    pub fn of_header(header: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.headers().contains(&header))
    }

    /// Every field's name, for messages and the help.
    pub fn names() -> String {
        Field::ALL.map(Field::as_str).join(", ")
    }
}

/// A header cell as the file writes it, without quotes, a byte-order mark or outer spaces.
pub fn header_as_written(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\u{feff}')
}

/// A header cell as compared: [`header_as_written`], folded as filters fold text (lower
/// case, accents and invisible characters off: `Prénom` is `prenom`), inner spaces single.
pub fn normalise_header(h: &str) -> String {
    crate::text::folded(header_as_written(h))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The user's names for columns: each `FIELD=COLUMN` of `import --map` says that the
/// column headed COLUMN (compared as [`normalise_header`] leaves it) fills FIELD, ahead of
/// any column recognised by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnMap {
    entries: Vec<Mapping>,
}

/// One `FIELD=COLUMN`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub field: Field,
    /// The column as the user wrote it.
    pub column: String,
    header: String,
}

impl Mapping {
    /// As the user would write it again.
    pub fn spec(&self) -> String {
        format!("{}={}", self.field.as_str(), self.column)
    }
}

impl ColumnMap {
    /// Reads `FIELD=COLUMN` specs; an unknown field, a missing `=`, or a field or column
    /// named twice is an error naming the spec.
    pub fn parse<S: AsRef<str>>(specs: &[S]) -> Result<ColumnMap> {
        let mut map = ColumnMap::default();
        for spec in specs {
            let spec = spec.as_ref();
            let bad = |why: String| Error::Invalid(format!("--map {spec}: {why}"));
            let Some((name, column)) = spec.split_once('=') else {
                return Err(bad(
                    "write FIELD=COLUMN, e.g. --map position=\"Job Role\"".to_string()
                ));
            };
            let name = name.trim().to_lowercase().replace('_', "-");
            let field = Field::named(&name).ok_or_else(|| {
                let near = crate::error::did_you_mean(&name, Field::ALL.map(Field::as_str));
                bad(format!(
                    "no field \"{name}\"{near}; the fields are {}",
                    Field::names()
                ))
            })?;
            let header = normalise_header(column);
            if header.is_empty() {
                return Err(bad("the column name is empty".to_string()));
            }
            if map.entries.iter().any(|m| m.field == field) {
                return Err(bad(format!("{} is mapped twice", field.as_str())));
            }
            if map.entries.iter().any(|m| m.header == header) {
                return Err(bad(format!(
                    "the column \"{}\" is mapped twice",
                    column.trim()
                )));
            }
            map.entries.push(Mapping {
                field,
                column: column.trim().to_string(),
                header,
            });
        }
        Ok(map)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn mappings(&self) -> &[Mapping] {
        &self.entries
    }

    /// This map, with the mappings of `base` whose field and column it does not map.
    pub fn over(&self, base: &ColumnMap) -> ColumnMap {
        let unmapped = |b: &&Mapping| {
            (self.entries.iter()).all(|m| m.field != b.field && m.header != b.header)
        };
        let mut entries = self.entries.clone();
        entries.extend(base.entries.iter().filter(unmapped).cloned());
        ColumnMap { entries }
    }

    /// Whether `field` is mapped.
    pub fn maps(&self, field: Field) -> bool {
        self.entries.iter().any(|m| m.field == field)
    }

    /// The mappings of `fields` alone.
    pub fn only(&self, fields: &[Field]) -> ColumnMap {
        ColumnMap {
            entries: (self.entries.iter())
                .filter(|m| fields.contains(&m.field))
                .cloned()
                .collect(),
        }
    }

    /// The field the user mapped onto the column headed `header` (normalised).
    pub fn field_of(&self, header: &str) -> Option<Field> {
        self.entries
            .iter()
            .find(|m| m.header == header)
            .map(|m| m.field)
    }
}

/// A column map as an import used it, kept for files with the same header: such a file is
/// read with it again without `--map` (from the workbench too).
#[derive(Debug, Clone, PartialEq)]
pub struct RememberedMap {
    /// The header's cells, normalised.
    pub header: Vec<String>,
    pub map: ColumnMap,
}

/// How remembered maps are stored: each header with its `FIELD=COLUMN` specs.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredMap {
    header: Vec<String>,
    map: Vec<String>,
}

impl RememberedMap {
    /// `maps` as stored (JSON).
    pub fn to_json(maps: &[RememberedMap]) -> String {
        let stored: Vec<StoredMap> = (maps.iter())
            .map(|m| StoredMap {
                header: m.header.clone(),
                map: m.map.mappings().iter().map(Mapping::spec).collect(),
            })
            .collect();
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Maps as [`RememberedMap::to_json`] stored them; what no longer reads is left out.
    pub fn from_json(json: &str) -> Vec<RememberedMap> {
        let stored: Vec<StoredMap> = serde_json::from_str(json).unwrap_or_default();
        (stored.into_iter())
            .filter_map(|s| {
                Some(RememberedMap {
                    map: ColumnMap::parse(&s.map).ok()?,
                    // Normalised again: one stored by an older netcurate kept accents.
                    header: s.header.iter().map(|h| normalise_header(h)).collect(),
                })
            })
            .collect()
    }

    /// `known` with `new` added, each replacing one for the same header.
    pub fn merged(known: Vec<RememberedMap>, new: &[RememberedMap]) -> Vec<RememberedMap> {
        let mut all: Vec<RememberedMap> = (known.into_iter())
            .filter(|k| new.iter().all(|n| n.header != k.header))
            .collect();
        all.extend(new.iter().cloned());
        all
    }
}

/// The maps an import reads its files with: the one given (`--map`) for every file, else
/// the one remembered for a file's header.
#[derive(Debug, Clone, Copy)]
pub struct Mappings<'a> {
    pub given: &'a ColumnMap,
    pub remembered: &'a [RememberedMap],
}

static NO_MAP: ColumnMap = ColumnMap {
    entries: Vec::new(),
};

impl Default for Mappings<'_> {
    fn default() -> Self {
        Mappings {
            given: &NO_MAP,
            remembered: &[],
        }
    }
}

impl Mappings<'_> {
    /// The map for a file whose header's cells are `header` (normalised): the given one
    /// over the one remembered for that header (a given field or column replaces its
    /// remembered mapping, the others stay); and whether a remembered one had a part.
    pub fn for_header(&self, header: &[String]) -> (ColumnMap, bool) {
        match self.remembered.iter().find(|m| m.header == header) {
            Some(m) => (self.given.over(&m.map), true),
            None => (self.given.clone(), false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recognised_header_stands_for_one_field() {
        for f in Field::ALL {
            for h in f.headers() {
                assert_eq!(Field::of_header(h), Some(f), "{h}");
                assert_eq!(normalise_header(h), *h, "{h} is written normalised");
            }
        }
        assert_eq!(Field::of_header("phone"), None);
    }

    #[test]
    fn parses_specs_and_finds_columns_whatever_their_case_and_spacing() {
        let map = ColumnMap::parse(&[
            "position=Job  Role",
            " company = Organisation X ",
            "first_name=Vorname",
        ])
        .expect("valid");
        assert_eq!(map.field_of("job role"), Some(Field::Position));
        assert_eq!(map.field_of("organisation x"), Some(Field::Company));
        assert_eq!(map.field_of("vorname"), Some(Field::FirstName));
        assert_eq!(map.field_of("role"), None);
        assert_eq!(map.mappings()[1].spec(), "company=Organisation X");
        assert!(ColumnMap::parse::<&str>(&[]).expect("empty").is_empty());
    }

    /// Remembered maps survive storage; one for a header replaces the one before; a given
    /// map is used for every file, a remembered one for its own header only.
    #[test]
    fn remembered_maps_are_stored_and_chosen_by_header() {
        let header = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let map = |specs: &[&str]| ColumnMap::parse(specs).expect("valid");
        let crm = RememberedMap {
            header: header(&["kontakt", "firma"]),
            map: map(&["name=Kontakt", "company=Firma"]),
        };
        let other = RememberedMap {
            header: header(&["who", "org"]),
            map: map(&["name=who"]),
        };
        let stored = RememberedMap::to_json(&[crm.clone(), other.clone()]);
        assert_eq!(
            RememberedMap::from_json(&stored),
            vec![crm.clone(), other.clone()]
        );
        assert_eq!(RememberedMap::from_json("not json"), vec![]);
        let renamed = RememberedMap {
            map: map(&["first-name=Kontakt"]),
            ..crm.clone()
        };
        assert_eq!(
            RememberedMap::merged(
                vec![crm.clone(), other.clone()],
                std::slice::from_ref(&renamed)
            ),
            vec![other.clone(), renamed]
        );
        let remembered = [crm.clone(), other];
        let none = ColumnMap::default();
        let mappings = Mappings {
            given: &none,
            remembered: &remembered,
        };
        assert_eq!(mappings.for_header(&crm.header), (crm.map.clone(), true));
        assert_eq!(
            mappings.for_header(&header(&["kontakt"])),
            (none.clone(), false)
        );
        // Given mappings add to the remembered ones, a field or column given replacing its.
        let given = map(&["position=Rolle", "first-name=Kontakt"]);
        let mappings = Mappings {
            given: &given,
            ..mappings
        };
        assert_eq!(
            mappings.for_header(&crm.header),
            (
                map(&["position=Rolle", "first-name=Kontakt", "company=Firma"]),
                true
            )
        );
        assert_eq!(mappings.for_header(&header(&["x"])), (given.clone(), false));
        assert_eq!(given.only(&[Field::Company]), none);
        assert_eq!(crm.map.only(&[Field::Company]), map(&["company=Firma"]));
    }

    #[test]
    fn a_bad_spec_is_an_error_naming_it() {
        let err = |specs: &[&str]| ColumnMap::parse(specs).expect_err("invalid").to_string();
        assert!(err(&["Role"]).contains("--map Role: write FIELD=COLUMN"));
        let unknown = err(&["postion=Role"]);
        assert!(
            unknown.contains("no field \"postion\" (did you mean position?)"),
            "{unknown}"
        );
        assert!(
            unknown.contains("first-name, last-name, name, url"),
            "{unknown}"
        );
        assert!(!err(&["zzz=Role"]).contains("did you mean"));
        assert!(err(&["position="]).contains("the column name is empty"));
        assert!(err(&["position=Role", "position=Title"]).contains("position is mapped twice"));
        assert!(
            err(&["position=Role", "company= role"])
                .contains("the column \"role\" is mapped twice")
        );
    }
}
