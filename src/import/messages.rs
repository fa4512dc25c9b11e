//! What a messages.csv says about each person the owner talked with. Its messages are
//! kept numbered as they are read (a [`MessageLog`]: each conversation and each person
//! once, a message in ~30 bytes), then summarised per person once the owner is known.
//!
//! Must not: read tables (`rows` reads the file and pushes each message here) or look
//! for people in the network (`store::merge` does, with the summaries).

use super::rows::{name_key, spelt_out_name_key};
use chrono::NaiveDateTime;
use foldhash::HashMap;

/// One message as a messages.csv row gives it. The reader fills one such row again and
/// again and pushes each into a [`MessageLog`], which keeps only numbers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageRow {
    pub conversation_id: String,
    pub from_name: String,
    pub sender_key: Option<String>,
    pub recipient_keys: Vec<String>,
    pub to_names: Vec<String>,
    pub date: NaiveDateTime,
}

/// What the messages say about each person the owner talked with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageSummary {
    pub last_message_at: Option<NaiveDateTime>,
    /// Last message the person sent to the owner.
    pub last_inbound_at: Option<NaiveDateTime>,
    /// Last message the owner sent to the person.
    pub last_outbound_at: Option<NaiveDateTime>,
    pub count: u32,
}

/// A person in messages, by URL key when there is one, else by name: as [`name_key`]
/// folds it, with its [`spelt_out_name_key`] when it has umlauts or rings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonRef {
    Url(String),
    Name(String, Option<String>),
}

impl PersonRef {
    /// The person a message names `name` (a whole name, as messages.csv writes it).
    pub fn named(name: &str) -> PersonRef {
        PersonRef::Name(name_key(name, ""), spelt_out_name_key(name, ""))
    }
}

/// The export's owner as an invitation names them ([`crate::model::Direction::own_side`]:
/// the inviter of an outgoing one, the invitee of an incoming one): by URL key when it
/// has one, then by name.
pub fn owner_in((url, name): (Option<&str>, &str)) -> Vec<PersonRef> {
    let by_url = url.map(|k| PersonRef::Url(k.to_string()));
    by_url.into_iter().chain([PersonRef::named(name)]).collect()
}

/// A message as the log keeps it: its conversation's number, its date, and where its
/// participants (sender first) end in [`MessageLog::participants`].
#[derive(Debug, Clone, Copy)]
struct Message {
    conversation: u32,
    participants_end: u32,
    date: NaiveDateTime,
}

/// A messages file's messages, each person and each conversation numbered once as they
/// are read. Kept as rows of strings they took ~500 bytes a message: a 357 MB
/// messages.csv of 862k messages peaked at 823 MiB to import, 454 MiB so.
#[derive(Debug, Clone, Default)]
pub struct MessageLog {
    people: Vec<PersonRef>,
    person_by_url: HashMap<String, u32>,
    person_by_name: HashMap<PersonRef, u32>,
    conversation_by_id: HashMap<String, u32>,
    messages: Vec<Message>,
    participants: Vec<u32>,
}

impl<'a> FromIterator<&'a MessageRow> for MessageLog {
    fn from_iter<I: IntoIterator<Item = &'a MessageRow>>(rows: I) -> Self {
        let mut log = MessageLog::default();
        rows.into_iter().for_each(|m| log.push(m));
        log
    }
}

impl MessageLog {
    /// Room for about `messages` messages.
    pub fn with_capacity(messages: usize) -> MessageLog {
        MessageLog {
            messages: Vec::with_capacity(messages),
            participants: Vec::with_capacity(messages * 2),
            ..MessageLog::default()
        }
    }

    /// How many messages it holds.
    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// Adds `m`: its sender, then its recipients by URL key when the row has them, else
    /// by the names it lists.
    pub fn push(&mut self, m: &MessageRow) {
        let next = self.conversation_by_id.len() as u32;
        let conversation = number(&mut self.conversation_by_id, &m.conversation_id, next);
        let sender = match &m.sender_key {
            Some(k) => self.person_by_url(k),
            None => self.person(PersonRef::named(&m.from_name)),
        };
        self.participants.push(sender);
        if m.recipient_keys.is_empty() {
            for n in &m.to_names {
                let p = self.person(PersonRef::named(n));
                self.participants.push(p);
            }
        } else {
            for k in &m.recipient_keys {
                let p = self.person_by_url(k);
                self.participants.push(p);
            }
        }
        self.messages.push(Message {
            conversation,
            participants_end: self.participants.len() as u32,
            date: m.date,
        });
    }

    /// Adds the messages of `later` (the later part of one file) after these, each
    /// person and conversation they share numbered as here.
    pub fn append(&mut self, later: MessageLog) {
        let person: Vec<u32> = (later.people.into_iter()).map(|p| self.person(p)).collect();
        let mut conversation = vec![0; later.conversation_by_id.len()];
        for (id, n) in later.conversation_by_id {
            let next = self.conversation_by_id.len() as u32;
            conversation[n as usize] = *self.conversation_by_id.entry(id).or_insert(next);
        }
        let before = self.participants.len() as u32;
        (self.participants).extend(later.participants.iter().map(|&p| person[p as usize]));
        self.messages.extend(later.messages.iter().map(|m| Message {
            conversation: conversation[m.conversation as usize],
            participants_end: before + m.participants_end,
            date: m.date,
        }));
    }

    /// The number of the person with URL key `key`, given on first sight.
    fn person_by_url(&mut self, key: &str) -> u32 {
        let next = self.people.len() as u32;
        let p = number(&mut self.person_by_url, key, next);
        if p == next {
            self.people.push(PersonRef::Url(key.to_string()));
        }
        p
    }

    /// The number of `person`, given on first sight.
    fn person(&mut self, person: PersonRef) -> u32 {
        if let PersonRef::Url(k) = &person {
            return self.person_by_url(k);
        }
        let next = self.people.len() as u32;
        *self
            .person_by_name
            .entry(person)
            .or_insert_with_key(|person| {
                self.people.push(person.clone());
                next
            })
    }

    /// The number of `person` if they take part in any message.
    fn number_of(&self, person: &PersonRef) -> Option<u32> {
        match person {
            PersonRef::Url(k) => self.person_by_url.get(k).copied(),
            PersonRef::Name(..) => self.person_by_name.get(person).copied(),
        }
    }

    /// Each message with its sender and recipients.
    fn each(&self) -> impl Iterator<Item = (&Message, u32, &[u32])> {
        let starts = std::iter::once(0).chain(self.messages.iter().map(|m| m.participants_end));
        self.messages.iter().zip(starts).map(|(m, start)| {
            let all = &self.participants[start as usize..m.participants_end as usize];
            (m, all[0], &all[1..])
        })
    }

    /// The owner: the first of `owner` (as [`owner_in`] names them) among the
    /// participants, else the participant present in the most conversations (they are in
    /// every one; a tie, as with a single conversation, goes to the first by
    /// [`PersonRef`]'s order).
    fn owner(&self, owner: &[PersonRef]) -> Option<u32> {
        if let Some(named) = owner.iter().find_map(|p| self.number_of(p)) {
            return Some(named);
        }
        let mut present: Vec<(u32, u32)> = Vec::with_capacity(self.participants.len());
        for (m, sender, recipients) in self.each() {
            present.extend(
                std::iter::once(&sender)
                    .chain(recipients)
                    .map(|&p| (p, m.conversation)),
            );
        }
        present.sort_unstable();
        present.dedup();
        let mut conversations_of = vec![0u32; self.people.len()];
        for (p, _) in present {
            conversations_of[p as usize] += 1;
        }
        let most = (0..self.people.len()).max_by(|&a, &b| {
            (conversations_of[a].cmp(&conversations_of[b]))
                .then_with(|| self.people[b].cmp(&self.people[a]))
        });
        most.map(|o| o as u32)
    }

    /// Summarises the messages per counterpart of the owner (the first of `owner` who
    /// takes part, else who is in the most conversations): a message the owner sent
    /// counts for each recipient, one sent to the owner for its sender.
    pub fn summarise(&self, owner: &[PersonRef]) -> HashMap<PersonRef, MessageSummary> {
        let owner = self.owner(owner);
        let mut summaries = vec![MessageSummary::default(); self.people.len()];
        let mut bump = |p: u32, at: NaiveDateTime, outbound: bool| {
            let s = &mut summaries[p as usize];
            s.count += 1;
            s.last_message_at = s.last_message_at.max(Some(at));
            let last = match outbound {
                true => &mut s.last_outbound_at,
                false => &mut s.last_inbound_at,
            };
            *last = (*last).max(Some(at));
        };
        for (m, sender, recipients) in self.each() {
            if Some(sender) == owner {
                for &r in recipients.iter().filter(|&&r| Some(r) != owner) {
                    bump(r, m.date, true);
                }
            } else {
                bump(sender, m.date, false);
            }
        }
        (self.people.iter().zip(summaries))
            .filter(|(_, s)| s.count > 0)
            .map(|(person, s)| (person.clone(), s))
            .collect()
    }
}

/// The number of `key` in `numbers`; on first sight, `next`.
fn number(numbers: &mut HashMap<String, u32>, key: &str, next: u32) -> u32 {
    if let Some(&n) = numbers.get(key) {
        return n;
    }
    numbers.insert(key.to_string(), next);
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    /// People and conversations are kept once however many messages name them, and a
    /// message in a few bytes; the log's summary is as it was pushed.
    #[test]
    fn a_log_keeps_each_person_and_conversation_once() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).expect("day");
        let mut row = MessageRow {
            from_name: "Sam Owner".into(),
            sender_key: Some("linkedin.com/in/sam".into()),
            ..MessageRow::default()
        };
        let mut log = MessageLog::default();
        for i in 0..1000u32 {
            row.conversation_id = format!("c{}", i % 3);
            row.recipient_keys = vec![format!("linkedin.com/in/p{}", i % 2)];
            row.date = day.and_hms_opt(0, 0, 0).expect("time") + chrono::Duration::hours(i.into());
            log.push(&row);
        }
        assert_eq!(log.len(), 1000);
        assert_eq!((log.people.len(), log.conversation_by_id.len()), (3, 3));
        assert!(std::mem::size_of::<Message>() <= 20);
        let summary = log.summarise(&owner_in((Some("linkedin.com/in/sam"), "Sam Owner")));
        let p1 = &summary[&PersonRef::Url("linkedin.com/in/p1".into())];
        assert_eq!(p1.count, 500);
        assert_eq!(p1.last_outbound_at, Some(row.date));
        assert_eq!(p1.last_inbound_at, None);
    }
}
