//! Scoring on a generated, labelled network (issue 3): engineering leaders rank above
//! decoys (assistants to executives, recruiters for leadership roles, account executives,
//! interns with target keywords), with mid-level engineers in between on average.

use chrono::NaiveDate;
use netcurate::audience::{Profile, score_all};
use netcurate::model::Contact;
use netcurate::synth::{self, Label};

const PROFILE: &str = include_str!("../fixtures/demo/profile.toml");

fn scored_network() -> Vec<(Label, u8, String)> {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let people = synth::people(42, 3000, (300, 300, 300), 0, as_of);
    let contacts: Vec<Contact> = people
        .iter()
        .enumerate()
        .map(|(i, p)| Contact {
            id: i as i64,
            first_name: p.first.as_str().into(),
            last_name: format!("{}{i}", p.last).into(),
            company: p.company.as_str().into(),
            position: p.position.as_str().into(),
            is_connection: true,
            ..Contact::default()
        })
        .collect();
    let profile = Profile::parse("demo profile", PROFILE).unwrap();
    let scored = score_all(&contacts, Some(&profile));
    people
        .iter()
        .zip(scored)
        .map(|(p, (_, s))| (p.label, s.score.unwrap(), p.position.clone()))
        .collect()
}

fn scores(all: &[(Label, u8, String)], label: Label) -> Vec<f64> {
    all.iter()
        .filter(|(l, _, _)| *l == label)
        .map(|(_, s, _)| f64::from(*s))
        .collect()
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

#[test]
fn leaders_rank_above_decoys_with_mid_level_in_between() {
    let all = scored_network();
    let leaders = scores(&all, Label::Leader);
    let decoys = scores(&all, Label::Decoy);
    let mid = scores(&all, Label::Mid);
    assert!(leaders.len() > 200 && decoys.len() > 200 && mid.len() > 200);
    let mut wins = 0.0;
    for l in &leaders {
        for d in &decoys {
            wins += if l > d {
                1.0
            } else if l == d {
                0.5
            } else {
                0.0
            };
        }
    }
    let auc = wins / (leaders.len() * decoys.len()) as f64;
    let worst_decoy = all
        .iter()
        .filter(|(l, _, _)| *l == Label::Decoy)
        .max_by_key(|(_, s, _)| *s)
        .unwrap();
    assert!(
        auc > 0.97,
        "AUC {auc:.3}; best-scored decoy: {worst_decoy:?}"
    );
    let (ml, mm, md) = (mean(&leaders), mean(&mid), mean(&decoys));
    eprintln!("AUC {auc:.3}; means: leaders {ml:.1}, mid {mm:.1}, decoys {md:.1}");
    assert!(
        ml > mm && mm > md,
        "means: leaders {ml:.1}, mid {mm:.1}, decoys {md:.1}"
    );
}

/// An import scores while it writes, a chunk at a time: every stored score, seniority,
/// function and flag must be the one scoring gives that very contact (a network larger
/// than several chunks, each contact with its own title and company).
#[test]
fn an_import_stores_each_contact_its_own_score() {
    use netcurate::import::ImportBatch;
    use netcurate::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let csv = dir.path().join("Connections.csv");
    let people = synth::people(9, 15_000, (300, 300, 300), 5, as_of);
    std::fs::write(&csv, synth::connections_csv(&people, synth::Style::Y2026)).unwrap();
    let profile = Profile::parse("demo profile", PROFILE).unwrap();
    let mut store = Store::open(&dir.path().join("net.db")).unwrap();
    let batch = ImportBatch::read(&[csv]).unwrap();
    store
        .import(batch, Some(&profile), as_of.and_hms_opt(12, 0, 0).unwrap())
        .unwrap();
    let network = store.load(as_of).unwrap();
    let expected = score_all(&network.contacts, Some(&profile));
    assert_eq!(network.contacts.len(), expected.len());
    let scorable = netcurate::model::Flags::NO_TITLE
        | netcurate::model::Flags::DUPLICATE
        | netcurate::model::Flags::OPEN_TO_WORK
        | netcurate::model::Flags::STUDENT
        | netcurate::model::Flags::EXCLUDED
        | netcurate::model::Flags::COLLEAGUE;
    let wrong: Vec<String> = network
        .contacts
        .iter()
        .zip(&expected)
        .filter(|(c, (_, s))| {
            c.score != s.score
                || c.seniority != s.seniority
                || c.function != s.function
                || c.flags.0 & scorable != s.stored_flags
        })
        .map(|(c, (_, s))| {
            format!(
                "{} {:?}: stored {:?}, scored {:?}",
                c.id, c.position, c.score, s.score
            )
        })
        .take(5)
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
