//! Any rows under a Connections.csv header, any under a CRM list's and any under an
//! Invitations.csv's, imported twice into one database: the second import adds, changes
//! and loses no one and no invitation (or both imports fail alike, with one-line errors).
#![no_main]

use libfuzzer_sys::fuzz_target;
use netcurate::import::ImportBatch;
use netcurate::store::Store;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (connections, rest) = text.split_once('\u{1}').unwrap_or((text, ""));
    let (crm, invitations) = rest.split_once('\u{1}').unwrap_or((rest, ""));
    let dir = tempfile::tempdir().expect("dir");
    let network = dir.path().join("Connections.csv");
    let header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    std::fs::write(&network, format!("{header}\n{connections}")).expect("write");
    let mut files = vec![network];
    if !crm.is_empty() {
        let list = dir.path().join("crm.csv");
        std::fs::write(&list, format!("First Name,Last Name,Email,Company,Job Title\n{crm}"))
            .expect("write");
        files.push(list);
    }
    if !invitations.is_empty() {
        let list = dir.path().join("Invitations.csv");
        let header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl";
        std::fs::write(&list, format!("{header}\n{invitations}")).expect("write");
        files.push(list);
    }
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 1)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("a time");
    let mut store = Store::open(&dir.path().join("n.db")).expect("open");
    let import = |store: &mut Store| {
        let batch = ImportBatch::read(&files).map_err(|e| e.to_string())?;
        store.import(batch, None, now).map_err(|e| e.to_string())
    };
    let first = import(&mut store);
    let contacts = |store: &Store| {
        let network = store.load(now.date()).expect("load");
        let contacts = network.contacts.iter().map(|c| format!("{c:?}"));
        contacts.chain(network.invitations.iter().map(|i| format!("{i:?}"))).collect::<Vec<_>>()
    };
    let before = contacts(&store);
    let again = import(&mut store);
    match (first, again) {
        (Ok(first), Ok(again)) => {
            assert_eq!((again.new, again.gone, again.changed), (0, 0, 0));
            assert_eq!(again.unchanged, first.new);
            assert_eq!(again.contacts_added, 0);
            assert_eq!(again.invitations_added, 0);
            assert_eq!(again.invitations_known, first.invitations_added);
            assert_eq!(contacts(&store), before);
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            assert!(!a.contains('\n'), "{a}");
        }
        (a, b) => panic!("imports differ: {a:?} then {b:?}"),
    }
});
