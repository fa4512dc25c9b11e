//! Sorting contacts by a key (score, name, company, title, seniority, connected, last
//! message, decision), ties broken by id so that every order is the same each time.
//!
//! Must not: filter (the module above does).

use super::Haystack;
use crate::model::Contact;
use crate::network::Network;
use chrono::Datelike;

/// What contacts can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Score,
    Name,
    Company,
    Title,
    Seniority,
    Connected,
    /// The last message exchanged (messages.csv), for relationship work.
    Messaged,
    Decision,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::Score,
        SortKey::Name,
        SortKey::Company,
        SortKey::Title,
        SortKey::Seniority,
        SortKey::Connected,
        SortKey::Messaged,
        SortKey::Decision,
    ];

    /// Every key's name, space-separated: what `--sort` takes.
    pub fn names() -> String {
        let names: Vec<&str> = SortKey::ALL.iter().map(|k| k.as_str()).collect();
        names.join(" ")
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Score => "score",
            SortKey::Name => "name",
            SortKey::Company => "company",
            SortKey::Title => "title",
            SortKey::Seniority => "seniority",
            SortKey::Connected => "connected",
            SortKey::Messaged => "messaged",
            SortKey::Decision => "decision",
        }
    }

    pub fn parse(s: &str) -> Option<SortKey> {
        let s = s.trim().to_ascii_lowercase();
        let s = if s == "position" {
            "title".to_string()
        } else {
            s
        };
        SortKey::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The natural direction: scores, seniority and dates high first; text A→Z.
    pub fn descending_by_default(self) -> bool {
        matches!(
            self,
            SortKey::Score | SortKey::Seniority | SortKey::Connected | SortKey::Messaged
        )
    }

    /// A number that orders contacts by this key, for the keys that are not text.
    fn number(self, c: &Contact) -> Option<i64> {
        match self {
            SortKey::Score => Some(c.score.map_or(-1, i64::from)),
            SortKey::Seniority => Some(c.seniority.rank().map_or(-1, i64::from)),
            SortKey::Connected => Some(
                c.connected_on
                    .map_or(-1, |d| i64::from(d.num_days_from_ce())),
            ),
            SortKey::Messaged => Some(c.last_message_at.map_or(-1, |at| at.and_utc().timestamp())),
            SortKey::Decision => Some(c.decision.code()),
            SortKey::Name | SortKey::Company | SortKey::Title => None,
        }
    }

    fn text(self, h: &Haystack) -> &str {
        match self {
            SortKey::Name => &h.name,
            SortKey::Company => &h.company,
            _ => &h.title,
        }
    }

    /// Whether sorting by this key reads the lower-cased text.
    pub fn needs_text(self) -> bool {
        matches!(self, SortKey::Name | SortKey::Company | SortKey::Title)
    }
}

/// Sorts positions by `key`, ties by id (deterministic). Numeric keys sort precomputed
/// (key, position) pairs; text keys the haystacks' texts, by their first bytes kept beside
/// each position and then whole (`hay` may be empty for a numeric key).
pub fn sort(ids: &mut [u32], network: &Network, hay: &[Haystack], key: SortKey, descending: bool) {
    let contacts = &network.contacts;
    if !key.needs_text() {
        // Ties by position, which is by id: a network keeps its contacts in id order.
        let mut keyed: Vec<(i64, u32)> = ids
            .iter()
            .map(|&i| {
                let k = key.number(&contacts[i as usize]).unwrap_or(0);
                (if descending { -k } else { k }, i)
            })
            .collect();
        keyed.sort_unstable();
        for (slot, (_, i)) in ids.iter_mut().zip(keyed) {
            *slot = i;
        }
        return;
    }
    // Each text's first 16 bytes side by side with it: most comparisons end there, in
    // order in memory, without reading the texts themselves.
    let text = |i: u32| key.text(&hay[i as usize]);
    let keyed = |&i: &u32| (text(i).is_empty(), text_start(text(i)), i);
    let mut keyed: Vec<(bool, u128, u32)> = ids.iter().map(keyed).collect();
    keyed.sort_unstable_by(|&(empty_x, start_x, x), &(empty_y, start_y, y)| {
        let by_text = || {
            let o = start_x.cmp(&start_y).then_with(|| text(x).cmp(text(y)));
            if descending { o.reverse() } else { o }
        };
        // Those without the text (no company, a hidden account's name) last either way;
        // ties by position, as above, without reading the contacts.
        (empty_x.cmp(&empty_y)).then_with(by_text).then(x.cmp(&y))
    });
    for (slot, (_, _, i)) in ids.iter_mut().zip(keyed) {
        *slot = i;
    }
}

/// The first 16 bytes of `text` as a number that orders as the texts do (zeros after a
/// shorter text, which orders first unless the next bytes are zeros too).
fn text_start(text: &str) -> u128 {
    let mut start = [0u8; 16];
    let n = text.len().min(16);
    start[..n].copy_from_slice(&text.as_bytes()[..n]);
    u128::from_be_bytes(start)
}

#[cfg(test)]
mod tests {
    use super::super::tests::contact;
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn sorts_numbers_and_text_with_id_ties() {
        let mut contacts: Vec<Contact> = ["Bo", "ada", "Cy", "Di"]
            .iter()
            .enumerate()
            .map(|(i, n)| Contact {
                id: i as i64 + 1,
                ..contact(n, "", "")
            })
            .collect();
        for (c, s) in contacts.iter_mut().zip([Some(5), None, Some(5), Some(9)]) {
            c.score = s;
        }
        let network = Network::new(contacts, vec![], NaiveDate::default());
        let hay = Haystack::all(&network);
        let ids_of = |v: &[u32]| -> Vec<i64> {
            v.iter().map(|&i| network.contacts[i as usize].id).collect()
        };
        let mut v: Vec<u32> = (0..4).collect();
        sort(&mut v, &network, &[], SortKey::Score, true);
        assert_eq!(
            ids_of(&v),
            vec![4, 1, 3, 2],
            "high first, ties by id, no score last"
        );
        sort(&mut v, &network, &[], SortKey::Score, false);
        assert_eq!(ids_of(&v), vec![2, 1, 3, 4]);
        sort(&mut v, &network, &hay, SortKey::Name, false);
        assert_eq!(ids_of(&v), vec![2, 1, 3, 4], "case-insensitive names");
    }

    /// Contacts without the text sorted by (no company; a hidden account, no name) come
    /// last, A→Z and Z→A alike, ties by id.
    #[test]
    fn contacts_without_the_text_sort_last_either_way() {
        let companies = ["Hooli", "", "acme", "", "Initech"];
        let contacts: Vec<Contact> = (companies.iter().enumerate())
            .map(|(i, company)| Contact {
                id: i as i64 + 1,
                ..contact("Ada", company, "")
            })
            .collect();
        let network = Network::new(contacts, vec![], NaiveDate::default());
        let hay = Haystack::all(&network);
        let ids_of = |v: &[u32]| -> Vec<i64> {
            v.iter().map(|&i| network.contacts[i as usize].id).collect()
        };
        let mut v: Vec<u32> = (0..5).collect();
        sort(&mut v, &network, &hay, SortKey::Company, false);
        assert_eq!(ids_of(&v), vec![3, 1, 5, 2, 4]);
        sort(&mut v, &network, &hay, SortKey::Company, true);
        assert_eq!(ids_of(&v), vec![5, 1, 3, 2, 4]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Text keys sort as the texts compare whole, however long the bytes they share
        /// (past the first 16 kept beside each), one a start of another, zeros inside;
        /// without the text last either way; ties by id.
        #[test]
        fn texts_sort_as_they_compare_whole(
            companies in proptest::collection::vec("(international business )?[ab\\x00]{0,4}", 1..12),
            descending in proptest::bool::ANY,
        ) {
            let contacts: Vec<Contact> = (companies.iter().enumerate())
                .map(|(i, company)| Contact { id: i as i64 + 1, ..contact("Ada", company, "") })
                .collect();
            let network = Network::new(contacts, vec![], NaiveDate::default());
            let hay = Haystack::all(&network);
            let mut sorted: Vec<u32> = (0..companies.len() as u32).collect();
            sort(&mut sorted, &network, &hay, SortKey::Company, descending);
            let mut plain: Vec<u32> = (0..companies.len() as u32).collect();
            plain.sort_by(|&x, &y| {
                let (a, b) = (&hay[x as usize].company, &hay[y as usize].company);
                let o = if descending { b.cmp(a) } else { a.cmp(b) };
                a.is_empty().cmp(&b.is_empty()).then(o).then(x.cmp(&y))
            });
            proptest::prop_assert_eq!(sorted, plain);
        }
    }

    /// By the last message: the latest first, those never messaged last (either way
    /// round they stay apart from the messaged ones, ties by id).
    #[test]
    fn sorts_by_the_last_message() {
        let at = |d: u32, h: u32| {
            NaiveDate::from_ymd_opt(2026, 11, d).and_then(|day| day.and_hms_opt(h, 0, 0))
        };
        let contacts: Vec<Contact> = [None, at(3, 9), None, at(20, 8), at(3, 10)]
            .into_iter()
            .enumerate()
            .map(|(i, last)| Contact {
                id: i as i64 + 1,
                last_message_at: last,
                ..contact("Ada", "", "")
            })
            .collect();
        let network = Network::new(contacts, vec![], NaiveDate::default());
        let ids_of = |v: &[u32]| -> Vec<i64> {
            v.iter().map(|&i| network.contacts[i as usize].id).collect()
        };
        let mut v: Vec<u32> = (0..5).collect();
        let key = SortKey::parse("Messaged").expect("a sort key");
        sort(&mut v, &network, &[], key, key.descending_by_default());
        assert_eq!(ids_of(&v), vec![4, 5, 2, 1, 3]);
        sort(&mut v, &network, &[], key, false);
        assert_eq!(ids_of(&v), vec![1, 3, 2, 5, 4]);
    }
}
