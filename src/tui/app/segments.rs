//! The segments view: tags and saved filters with their figures, the charts' rows as
//! filters, and deleting a segment.
//!
//! Must not: do I/O (it asks the runtime with an effect).

use super::{
    App, ChartCounts, Effect, PANES_OF_SEGMENTS, PromptKind, SegmentOf, SegmentRow, View,
    moved_cursor,
};
use crate::tui::keymap::Command;
use crate::tui::strings::{self, SEGMENT_BARS, status};
use netcurate::export::ExportKind;
use netcurate::model::{Contact, ContactId, Function, Seniority};
use netcurate::network::{Figures, Network, Segment};
use netcurate::ops::{self, Op};
use netcurate::query::{Members, Query};

impl ChartCounts {
    /// The counts of `contacts` on the months `months` (as [`App::months`] holds them).
    pub fn of<'c>(contacts: impl Iterator<Item = &'c Contact>, months: &[(i32, usize)]) -> Self {
        let mut counts = ChartCounts {
            months: vec![0; months.len()],
            ..ChartCounts::default()
        };
        for c in contacts {
            if let Some(s) = c.score {
                counts.scores[(s as usize / 10).min(9)] += 1;
            }
            if let Some(at) = Seniority::ALL.iter().position(|t| *t == c.seniority) {
                counts.tiers[at] += 1;
            }
            if let Some(at) = Function::ALL.iter().position(|f| *f == c.function) {
                counts.functions[at] += 1;
            }
            let month = c.connected_on.map(month_number);
            if let Some(at) = month.and_then(|m| months.binary_search_by_key(&m, |&(m, _)| m).ok())
            {
                counts.months[at] += 1;
            }
        }
        counts
    }
}

/// A date's month as [`App::months`] numbers them: `year * 12 + month0`.
fn month_number(date: chrono::NaiveDate) -> i32 {
    use chrono::Datelike;
    date.year() * 12 + date.month0() as i32
}

impl App {
    /// Every tag in the network, for completion.
    pub fn all_tags(&self) -> Vec<String> {
        self.network.tags().into_iter().map(String::from).collect()
    }

    /// The segments pane's rows: all contacts, then the tags and the saved filters.
    fn segment_list(&self) -> Vec<Segment> {
        let all = Segment {
            name: strings::ALL_CONTACTS.to_string(),
            query: String::new(),
        };
        let mut v = vec![all];
        v.extend(self.network.tag_segments());
        v.extend(self.saved_filters.iter().cloned());
        v
    }

    /// The segment the charts show: the one under the segments pane's cursor, unless that
    /// is all contacts (none: the whole network).
    pub fn charted_segment(&self) -> Option<&Segment> {
        let at = self.segments.cursor[0];
        (at > 0)
            .then(|| self.segment_rows.get(at))
            .flatten()
            .map(|row| &row.segment)
    }

    /// Recomputes the segments view's figures (when it is shown).
    pub fn refresh_segments(&mut self) {
        if self.view != View::Segments {
            return;
        }
        let members = Members::new(&self.network);
        let everyone = || 0..self.network.contacts.len() as u32;
        self.segment_rows = self
            .segment_list()
            .into_iter()
            .map(|segment| {
                let ids = Query::parse(&segment.query, self.network.as_of)
                    .map(|q| members.of(&q, |q| q.filter(&self.network, self.hay(), everyone())))
                    .unwrap_or_default();
                let contacts = ids.iter().map(|&i| &self.network.contacts[i as usize]);
                SegmentRow {
                    figures: Figures::of(contacts),
                    members: ids,
                    charts: Default::default(),
                    segment,
                }
            })
            .collect();
        // On a row still there when segments are gone.
        let cursor = &mut self.segments.cursor[0];
        *cursor = (*cursor).min(self.segment_rows.len().saturating_sub(1));
    }

    /// The queries behind the segments view's panes, in pane order: a chart's bars within
    /// the segment it shows.
    pub fn segment_queries(&self, pane: usize) -> Vec<(String, String)> {
        let mut queries = self.pane_queries(pane);
        if let Some(segment) = self.charted_segment().filter(|_| pane > 0) {
            for (_, q) in &mut queries {
                *q = format!("{} {q}", segment.query);
            }
        }
        queries
    }

    /// [`App::segment_queries`] of the whole network.
    fn pane_queries(&self, pane: usize) -> Vec<(String, String)> {
        match pane {
            // As worked out for the view (not again at each key: the tags take a pass
            // over the network).
            0 => (self.segment_rows.iter())
                .map(|row| (row.segment.name.clone(), row.segment.query.clone()))
                .collect(),
            1 => (0..10)
                .map(|b| {
                    let (lo, hi) = (b * 10, b * 10 + 10);
                    let q = if b == 9 {
                        format!("score:>={lo}")
                    } else {
                        format!("score:>={lo} score:<{hi}")
                    };
                    (format!("{lo}–{}", hi - 1 + usize::from(b == 9)), q)
                })
                .collect(),
            2 => netcurate::model::Seniority::ALL
                .iter()
                .map(|s| (s.as_str().to_string(), format!("seniority:{}", s.as_str())))
                .collect(),
            3 => netcurate::model::Function::ALL
                .iter()
                .map(|f| (f.as_str().to_string(), format!("function:{}", f.as_str())))
                .collect(),
            _ => self
                .months
                .iter()
                .map(|&(m, _)| {
                    let (y, mo) = (m / 12, m % 12 + 1);
                    let (ny, nmo) = if mo == 12 { (y + 1, 1) } else { (y, mo + 1) };
                    (
                        format!("{y}-{mo:02}"),
                        format!("connected:>={y}-{mo:02}-01 connected:<{ny}-{nmo:02}-01"),
                    )
                })
                .collect(),
        }
    }

    /// Connections made per month (as `year*12 + month0`), the last 24 months with data.
    /// Decisions and tags do not change it, so it is computed once per loaded network.
    pub(super) fn connections_per_month(network: &Network) -> Vec<(i32, usize)> {
        let mut counts = std::collections::BTreeMap::new();
        for c in network.contacts.iter().filter(|c| c.in_network()) {
            if let Some(d) = c.connected_on {
                *counts.entry(month_number(d)).or_insert(0) += 1;
            }
        }
        let v: Vec<(i32, usize)> = counts.into_iter().collect();
        v[v.len().saturating_sub(24)..].to_vec()
    }

    pub(super) fn on_segments_command(&mut self, c: Command) -> Vec<Effect> {
        let pane = self.segments.focus;
        let n = self.segment_queries(pane).len();
        let cursor = &mut self.segments.cursor[pane];
        if let Some(moved) = moved_cursor(c, *cursor, n, self.page) {
            *cursor = moved;
            return vec![];
        }
        match c {
            Command::Right => self.segments.focus = (pane + 1) % PANES_OF_SEGMENTS,
            Command::Left => {
                self.segments.focus = (pane + PANES_OF_SEGMENTS - 1) % PANES_OF_SEGMENTS;
            }
            // Enter shows the segment's contacts; e shows them and asks where to export them.
            Command::Explain | Command::Export => {
                let at = *cursor;
                if let Some((label, q)) = self.segment_queries(pane).get(at).cloned() {
                    // A bar is named for its chart and label, in its segment:
                    // "#hooli-folks score 0–9".
                    let name = match (SEGMENT_BARS[pane], self.charted_segment()) {
                        ("", _) => label,
                        (chart, None) => format!("{chart} {label}"),
                        (chart, Some(segment)) => format!("{} {chart} {label}", segment.name),
                    };
                    self.set_filter(&q);
                    self.view = View::Contacts;
                    self.status = status::segment_shown(&name, self.table.ids.len());
                    // Its file too: netcurate-score-0-9-<day>.csv.
                    if c == Command::Export {
                        self.open_export_prompt(ExportKind::Contacts, &name);
                    }
                }
            }
            Command::DeleteSegment => {
                let at = *cursor;
                match self.segment_at(pane, at) {
                    Some(SegmentOf::SavedFilter(name)) => return vec![Effect::DeleteFilter(name)],
                    Some(SegmentOf::Tag(tag)) => return self.untag_everyone(&tag),
                    None => self.status = status::NOT_A_SEGMENT.to_string(),
                }
            }
            // R asks for the new name, its old one typed to edit.
            Command::Rename => match self.segment_at(pane, self.segments.cursor[pane]) {
                Some(of) => {
                    let name = of.name().to_string();
                    self.renaming = Some(of);
                    self.open_prompt(PromptKind::Rename, name);
                }
                None => self.status = status::NOT_A_SEGMENT.to_string(),
            },
            _ => {}
        }
        vec![]
    }

    /// The tag or saved filter at row `at` of segments pane `pane`, if it is one (the
    /// first pane lists all contacts, then the tags, then the saved filters).
    pub(super) fn segment_at(&self, pane: usize, at: usize) -> Option<SegmentOf> {
        if pane != 0 {
            return None;
        }
        let at = at.checked_sub(1)?;
        let tags = self.network.tag_counts();
        match at.checked_sub(tags.len()) {
            None => tags.into_keys().nth(at).map(SegmentOf::Tag),
            Some(i) => (self.saved_filters.get(i)).map(|s| SegmentOf::SavedFilter(s.name.clone())),
        }
    }

    /// Renames the tag or saved filter `of` to `typed`, as one step, the cursor following
    /// it to its new row; or why it cannot be (a name taken, the same, not a tag's).
    pub(super) fn rename_segment(
        &mut self,
        of: &SegmentOf,
        typed: &str,
    ) -> Result<Vec<Effect>, String> {
        let op = match of {
            SegmentOf::Tag(tag) => {
                ops::plan_rename_tag(&self.network, &self.saved_filters, tag, typed)
            }
            SegmentOf::SavedFilter(name) => {
                ops::plan_rename_filter(&self.saved_filters, name, typed)
            }
        }
        .map_err(|e| e.to_string())?;
        // The name planned: a tag may be spelt as one held in another case.
        let renamed = match &op {
            Op::Rename { to, .. } => of.named(to),
            _ => of.clone(),
        };
        // The network holds tags; the saved filters are the workbench's own list.
        op.apply_to_saved_filters(&mut self.saved_filters);
        let effects = self.perform(op);
        if let Some(row) = self.segment_row(&renamed) {
            self.segments.cursor[0] = row;
        }
        Ok(effects)
    }

    /// The row of the segments view's first pane that shows `of` (see [`App::segment_at`]).
    fn segment_row(&self, of: &SegmentOf) -> Option<usize> {
        let tags = self.network.tag_counts();
        let at = match of {
            SegmentOf::Tag(tag) => tags.keys().position(|t| t == tag)?,
            SegmentOf::SavedFilter(name) => {
                tags.len() + self.saved_filters.iter().position(|s| s.name == *name)?
            }
        };
        Some(at + 1)
    }

    /// Takes `tag` off every contact that has it (one step, as `T` on them would).
    pub(super) fn untag_everyone(&mut self, tag: &str) -> Vec<Effect> {
        let tagged: Vec<ContactId> = (self.network.contacts.iter())
            .filter(|c| c.tags.iter().any(|t| t == tag))
            .map(|c| c.id)
            .collect();
        match ops::plan_tag(&self.network, &tagged, tag, false) {
            Ok(op) => self.perform_tagging(op),
            Err(e) => {
                self.status = e.to_string();
                vec![]
            }
        }
    }
}
