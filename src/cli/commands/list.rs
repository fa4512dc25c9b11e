//! `netcurate list` and `netcurate stats`: contacts as aligned lines or JSON, and the
//! network's counts.
//!
//! Must not: filter or count by rules of its own (the library's `query` and `network`).

use crate::cli::args::ListArgs;
use crate::cli::commands::segments::with_segment;
use crate::cli::{Session, write_json};
use crate::columns::{fit, pad, widest};
use crate::tui::strings::{AskedText, asked_texts};
use anyhow::{Context, Result};
use netcurate::error::did_you_mean;
use netcurate::model::{Contact, Decision, Flags, Standing, joined_or_none};
use netcurate::network::Network;
use netcurate::query::{self, Haystack, SortKey};
use netcurate::text::seen;
use std::borrow::Cow;
use std::io::Write;

pub(crate) fn list(s: &Session, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let filter = with_segment(s, &args.filter, args.segment.as_deref())?;
    let query = s.query(&filter)?;
    let network = s.load_matching(&query)?;
    let ids = sorted(&network, &args.sort)?;
    let shown: Vec<&Contact> = (ids.iter().take(args.limit.unwrap_or(ids.len())))
        .map(|&i| &network.contacts[i as usize])
        .collect();
    if args.json {
        write_json(out, &shown)?;
        return Ok(());
    }
    // Buffered: standard output writes each line on its own (100k writes for 100k lines).
    let out = &mut std::io::BufWriter::new(out);
    let asked = asked_texts(query.asks_about()).into_iter().next();
    write_lines(&shown, asked, out)?;
    let (matching, total) = (ids.len(), s.store.contact_count()?);
    if shown.len() < matching {
        let shown = shown.len();
        writeln!(
            out,
            "{shown} shown of {matching} matching, {total} contacts"
        )?;
    } else if let Some(why) = (matching == 0).then(|| s.why_none_match(&query)).flatten() {
        writeln!(out, "0 of {total} contacts: {why}")?;
    } else {
        writeln!(out, "{matching} of {total} contacts")?;
    }
    Ok(out.flush()?)
}

/// The places of the network's contacts in the order `--sort` names (`-key` reverses
/// the key's own direction).
fn sorted(network: &Network, sort: &str) -> Result<Vec<u32>> {
    let (reverse, key_text) = match sort.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sort),
    };
    let key = SortKey::parse(key_text).with_context(|| {
        let near = did_you_mean(key_text, SortKey::ALL.map(SortKey::as_str));
        format!("unknown sort key '{key_text}'{near}: {}", SortKey::names())
    })?;
    // Text keys sort by the haystack's folded text; number keys need none.
    let hay = match key.needs_text() {
        true => Haystack::all(network),
        false => Vec::new(),
    };
    let mut ids: Vec<u32> = (0..network.contacts.len() as u32).collect();
    let descending = key.descending_by_default() != reverse;
    query::sort(&mut ids, network, &hay, key, descending);
    Ok(ids)
}

/// One aligned line a contact, under a header: id, score, name, position, company,
/// seniority (or the first text the filter asks about: [`asked_texts`]), decision, tags.
fn write_lines(shown: &[&Contact], asked: Option<AskedText>, out: &mut dyn Write) -> Result<()> {
    if shown.is_empty() {
        return Ok(());
    }
    let contacts = || shown.iter().copied();
    let tags_width = widest(contacts().map(|c| c.tags.join(",")));
    let widths = TextWidths::within(
        crate::cli::output_width(),
        widest(contacts().map(shown_name)),
        [
            widest(contacts().map(|c| &c.position)),
            widest(contacts().map(|c| &c.company)),
            asked.map_or(0, |a| widest(contacts().map(a.text_of))),
        ],
        tags_width,
        asked.map(|a| a.header),
    );
    let header = Line {
        id: "id".into(),
        score: "score".into(),
        name: "name".into(),
        texts: ["position", "company", asked.map_or("", |a| a.header)],
        seniority: "seniority",
        decision: "decision",
        // Headed only when some contact listed has tags (on a narrow terminal an empty
        // column's header was cut to "t…").
        tags: if tags_width > 0 { "tags" } else { "" }.into(),
    };
    writeln!(out, "{}", header.laid_out(&widths))?;
    for c in contacts() {
        let third = asked.map_or(Default::default(), |a| (a.text_of)(c));
        let line = Line {
            id: c.id.to_string(),
            score: c.score.map_or("-".to_string(), |s| s.to_string()),
            name: shown_name(c),
            texts: [&c.position, &c.company, &third],
            seniority: c.seniority.as_str(),
            decision: match c.standing() {
                Standing::RemovalDone => "done",
                Standing::Gone => "gone",
                Standing::Decided(Decision::Undecided) => "-",
                Standing::Decided(d) => d.as_str(),
            },
            tags: c.tags.join(","),
        };
        writeln!(out, "{}", line.laid_out(&widths))?;
    }
    Ok(())
}

/// A contact's name as `list` shows it.
pub(crate) fn shown_name(c: &Contact) -> String {
    match c.is_hidden() {
        true => crate::tui::strings::HIDDEN_NAME.to_string(),
        false => c.full_name(),
    }
}

/// One line of `list`, before it is laid out in columns.
struct Line<'a> {
    id: String,
    score: String,
    name: String,
    /// Position, company and the text the filter asks about ([`asked_texts`]).
    texts: [&'a str; 3],
    seniority: &'a str,
    decision: &'a str,
    tags: String,
}

impl Line<'_> {
    fn laid_out(&self, widths: &TextWidths) -> String {
        let mut line = format!(
            "{:>6}  {:>5}  {}  ",
            self.id,
            self.score,
            pad(&self.name, widths.name)
        );
        for (text, &width) in self.texts.iter().zip(&widths.texts) {
            line.push_str(&pad(text, width));
            line.push_str("  ");
        }
        if widths.seniority {
            line.push_str(&pad(self.seniority, 9));
            line.push_str("  ");
        }
        line.push_str(&pad(self.decision, 8));
        line.push_str("  ");
        line.push_str(
            &widths
                .tags
                .map_or(Cow::Borrowed(&*self.tags), |w| fit(&self.tags, w)),
        );
        line.trim_end().to_string()
    }
}

/// The columns `list` gives its cells: as wide as they read well, or, to fit a terminal
/// (a wrapped table cannot be read), names as wide as the widest shown, titles, companies
/// (and previous jobs) as wide as the widest shown where that fits and narrower in
/// proportion where not, the tags cut at the edge, and on a narrow terminal no seniority
/// column (the title says it).
#[derive(Debug)]
struct TextWidths {
    name: u16,
    /// Position, company and, listing job changes, what each was before.
    texts: Vec<u16>,
    seniority: bool,
    /// The tags' columns, when the line has to end at the terminal's edge.
    tags: Option<u16>,
}

impl TextWidths {
    /// The name as wide as it reads well.
    const NAME: u16 = 28;
    /// Position, company and previous job as wide as they read well.
    const FULL: [u16; 3] = [34, 22, 34];
    /// Narrower than this a title or a company says too little: the line runs past the
    /// edge instead.
    const LEAST: [u16; 3] = [14, 10, 14];
    /// The id, score and decision columns' widths, and the two spaces after each of the
    /// id, score and name.
    const FIXED: u16 = 6 + 5 + 8 + 3 * 2;
    /// A text column's spaces after it.
    const GAP: u16 = 2;
    /// The seniority column with the spaces after it.
    const SENIORITY: u16 = 9 + 2;
    /// Narrower terminals go without the seniority column.
    const SENIORITY_FROM: u16 = 100;
    /// Columns kept for the tags (as many as the widest needs, up to this).
    const TAGS_KEPT: u16 = 12;

    /// The widths for lines of at most `width` columns (`None`: no limit) whose widest
    /// name, texts and tags take `name`, `texts` and `tags` columns: the full widths when
    /// they fit. A third text (headed `third`: what each was before, a location) takes the
    /// seniority column's place.
    fn within(
        width: Option<u16>,
        name: u16,
        texts: [u16; 3],
        tags: u16,
        third: Option<&str>,
    ) -> TextWidths {
        let was = third.is_some();
        let full = &Self::FULL[..if was { 3 } else { 2 }];
        let gaps = Self::GAP * full.len() as u16;
        let seniority_room = if was { 0 } else { Self::SENIORITY };
        let full_sum: u16 = full.iter().sum();
        let tags_room = if tags == 0 {
            0
        } else {
            Self::GAP.saturating_add(tags)
        };
        let natural =
            (Self::FIXED + seniority_room + gaps + Self::NAME + full_sum).saturating_add(tags_room);
        let Some(width) = width.filter(|&w| w < natural) else {
            return TextWidths {
                name: Self::NAME,
                texts: full.to_vec(),
                seniority: !was,
                tags: None,
            };
        };
        let seniority = !was && width >= Self::SENIORITY_FROM;
        let fixed = Self::FIXED + gaps + if seniority { Self::SENIORITY } else { 0 };
        let name = name.clamp("name".len() as u16, Self::NAME);
        // The tags' column with the spaces before it, when some contact listed has tags.
        let kept = match tags {
            0 => 0,
            _ => Self::GAP + tags.clamp("tags".len() as u16, Self::TAGS_KEPT),
        };
        let room = width.saturating_sub(fixed + name + kept).min(full_sum);
        // What each column needs: its widest text, at least its header, at most full.
        let headers = ["position", "company", third.unwrap_or_default()];
        let needs: Vec<u16> = (full.iter().zip(texts).zip(headers))
            .map(|((&most, widest), header)| widest.max(header.len() as u16).min(most))
            .collect();
        let texts: Vec<u16> = (shares(room, &needs, full).into_iter())
            .zip(needs.iter().zip(Self::LEAST))
            .map(|(share, (&need, least))| share.max(least.min(need)))
            .collect();
        let tags = Some(width.saturating_sub(fixed + Self::GAP + name + texts.iter().sum::<u16>()));
        TextWidths {
            name,
            texts,
            seniority,
            tags,
        }
    }
}

/// `room` columns shared among columns that need `needs` in proportion to `weights`: a
/// column that needs no more than its share gets what it needs, and what it leaves goes
/// to the others, again in proportion.
fn shares(room: u16, needs: &[u16], weights: &[u16]) -> Vec<u16> {
    let mut given = vec![None; needs.len()];
    let mut left = u32::from(room);
    loop {
        let open = || (0..needs.len()).filter(|&i| given[i].is_none());
        let weight: u32 = open().map(|i| u32::from(weights[i])).sum();
        let met: Vec<usize> = open()
            .filter(|&i| u32::from(needs[i]) * weight <= u32::from(weights[i]) * left)
            .collect();
        if met.is_empty() || weight == 0 {
            for i in open().collect::<Vec<_>>() {
                given[i] = Some((u32::from(weights[i]) * left / weight.max(1)) as u16);
            }
            return given.into_iter().map(|g| g.unwrap_or(0)).collect();
        }
        for i in met {
            given[i] = Some(needs[i]);
            left -= u32::from(needs[i]);
        }
    }
}

pub(crate) fn stats(s: &Session, json: bool, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let st = network.stats();
    // The network's counts alone: two databases of the same network give the same JSON.
    if json {
        write_json(out, &st)?;
        return Ok(());
    }
    let imported = match (s.store.last_import_day()?, s.import_folder()) {
        (Some(day), Some(folder)) => format!("last import {day} (from {folder})"),
        (Some(day), None) => format!("last import {day}"),
        (None, _) => "no import yet".to_string(),
    };
    let profile = match &s.profile {
        Some(p) => format!("profile '{}'", seen(&p.name)),
        None => "no profile yet".to_string(),
    };
    writeln!(
        out,
        "database {} · {imported} · {profile}",
        s.store.path().display()
    )?;
    writeln!(
        out,
        "connections {} (hidden {}), gone {}, other contacts {}",
        st.connections, st.hidden, st.gone, st.other_contacts
    )?;
    // The latest import's new connections (the latest day an import added some).
    if let Some(day) = network.contacts.iter().filter_map(|c| c.added_on).max() {
        let count = (network.contacts.iter())
            .filter(|c| c.added_on == Some(day))
            .count();
        writeln!(
            out,
            "new connections: {count}, added by the import of {day} (`added:{day}`)"
        )?;
    }
    let i = &st.invitations;
    let stale_days = s.assumptions()?.stale_days;
    let stale = network.stale_invitations(stale_days).count();
    writeln!(
        out,
        "invitations: outgoing {} (accepted {}, pending {} of which {stale} stale, withdraw planned {}, gone {}), incoming {}",
        i.outgoing,
        i.outgoing_accepted,
        i.outgoing_pending,
        i.outgoing_withdraw_planned,
        i.outgoing_gone,
        i.incoming
    )?;
    let d: Vec<String> = st
        .decisions
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    writeln!(
        out,
        "decisions: {} (removal plan done: {})",
        d.join(", "),
        st.removal_plan_done
    )?;
    // The flags a contact has, in the order the filter language lists them.
    let flagged: Vec<String> = (Flags::NAMES.iter())
        .filter_map(|(name, _)| {
            st.flags
                .get(name)
                .filter(|&&n| n > 0)
                .map(|n| format!("{name} {n}"))
        })
        .collect();
    writeln!(out, "flags: {}", joined_or_none(&flagged))?;
    let employers = s.store.employers()?;
    if !(employers.current.is_empty() && employers.past.is_empty()) {
        writeln!(
            out,
            "your employers (from Positions.csv): {}; earlier: {}",
            seen(&joined_or_none(&employers.current)),
            seen(&joined_or_none(&employers.past))
        )?;
    }
    if !st.tags.is_empty() {
        let t: Vec<String> = st.tags.iter().map(|(k, v)| format!("{k} ({v})")).collect();
        writeln!(out, "tags: {}", t.join(", "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short column takes what it needs and leaves the rest to the others, in
    /// proportion; when all fit, each gets what it needs.
    #[test]
    fn columns_share_the_room_their_texts_leave() {
        assert_eq!(shares(36, &[8, 17, 34], &[34, 22, 34]), [8, 11, 17]);
        assert_eq!(shares(90, &[8, 17, 34], &[34, 22, 34]), [8, 17, 34]);
        assert_eq!(shares(28, &[34, 22], &[34, 22]), [17, 11]);
        assert_eq!(shares(0, &[5, 5], &[1, 1]), [0, 0]);
    }

    proptest::proptest! {
        /// A line ends at the terminal's edge: at full widths when they fit; else on any
        /// terminal wide enough for the narrowest columns, each text column given no more
        /// than its widest text (or header) needs.
        #[test]
        fn lines_end_at_the_terminal_edge(
            width in 40u16..240,
            name in 4u16..40,
            texts in proptest::array::uniform3(0u16..90),
            tags in 0u16..40,
            was: bool,
        ) {
            let w = TextWidths::within(Some(width), name, texts, tags, was.then_some("was"));
            let columns = w.texts.len();
            let seniority = if w.seniority { TextWidths::SENIORITY } else { 0 };
            let fixed = TextWidths::FIXED + columns as u16 * TextWidths::GAP + seniority + w.name;
            let used = fixed + w.texts.iter().sum::<u16>();
            let tags_least = if tags == 0 { 0 } else { TextWidths::GAP + tags.clamp(4, 12) };
            let Some(tags_given) = w.tags else {
                let tags_all = if tags == 0 { 0 } else { TextWidths::GAP + tags };
                proptest::prop_assert!(used + tags_all <= width, "full widths that fit: {w:?}");
                return Ok(());
            };
            let needs: Vec<u16> = (texts.iter().zip(["position", "company", "was"]))
                .zip(TextWidths::FULL)
                .take(columns)
                .map(|((&text, header), full)| text.max(header.len() as u16).min(full))
                .collect();
            for (given, need) in w.texts.iter().zip(&needs) {
                proptest::prop_assert!(given <= need, "{w:?} needs {needs:?}");
            }
            let least: u16 = (needs.iter().zip(TextWidths::LEAST))
                .map(|(&need, least)| least.min(need))
                .sum();
            if width >= fixed + least + tags_least {
                proptest::prop_assert!(used + tags_least <= width, "{w:?}");
                let tags_used = if tags == 0 { 0 } else { TextWidths::GAP + tags_given };
                proptest::prop_assert!(used + tags_used <= width, "{w:?}");
            }
        }
    }

    /// Job changes listed on 80 columns: no seniority, the previous job beside the
    /// company, and a line that ends at the edge.
    #[test]
    fn a_list_of_job_changes_fits_80_columns() {
        let w = TextWidths::within(Some(80), 13, [8, 17, 40], 0, Some("was"));
        assert!(!w.seniority);
        assert_eq!(w.texts.len(), 3);
        let used = TextWidths::FIXED + 3 * TextWidths::GAP + 13 + w.texts.iter().sum::<u16>();
        assert_eq!(used, 80, "{w:?}");
        assert_eq!(w.texts[0], 8, "a short title takes what it needs: {w:?}");
        assert!(w.texts[2] > w.texts[1], "{w:?}");
    }
}
