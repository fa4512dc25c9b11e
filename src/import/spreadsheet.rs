//! Spreadsheet documents that are not CSV — a Connections.csv opened in Excel, LibreOffice
//! or Numbers and saved in the program's own format — told by their first bytes or their
//! archive's entries, so that an import says how to save them as CSV instead of "not a
//! network file".
//!
//! Must not: read a spreadsheet's cells (netcurate imports CSV only).

/// An Excel 97–2003 workbook (`.xls`): an OLE2 compound file.
const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub const EXCEL: &str =
    "an Excel workbook, not a CSV file: in Excel, File → Save As → CSV UTF-8, then import that";
pub const OLD_EXCEL: &str = "an Excel 97–2003 workbook, not a CSV file: in Excel, File → Save As → CSV UTF-8, then import that";
pub const OPEN_DOCUMENT: &str =
    "an OpenDocument spreadsheet, not a CSV file: File → Save As → Text CSV, then import that";
pub const NUMBERS: &str =
    "a Numbers document, not a CSV file: File → Export To → CSV, then import that";

/// What a file whose first bytes are `head` is, when it is an old Excel workbook.
pub fn by_head(head: &[u8]) -> Option<&'static str> {
    head.starts_with(OLE2_MAGIC).then_some(OLD_EXCEL)
}

/// What a `.zip` archive holding the entries `names` is, when it is a spreadsheet
/// document (each of these formats is a zip archive of its own parts).
pub fn by_entries<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let (mut content_types, mut xl, mut mimetype, mut content, mut numbers) =
        (false, false, false, false, false);
    for name in names {
        content_types |= name == "[Content_Types].xml";
        xl |= name.starts_with("xl/");
        mimetype |= name == "mimetype";
        content |= name == "content.xml";
        numbers |= name.starts_with("Index/") && name.ends_with(".iwa");
    }
    match () {
        _ if content_types && xl => Some(EXCEL),
        _ if mimetype && content => Some(OPEN_DOCUMENT),
        _ if numbers => Some(NUMBERS),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each format by the parts its archive holds; an export's archive is none of them.
    #[test]
    fn spreadsheets_are_told_by_their_parts() {
        let xlsx = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"];
        assert_eq!(by_entries(xlsx), Some(EXCEL));
        let ods = ["mimetype", "content.xml", "META-INF/manifest.xml"];
        assert_eq!(by_entries(ods), Some(OPEN_DOCUMENT));
        let numbers = ["Index/Document.iwa", "Metadata/Properties.plist"];
        assert_eq!(by_entries(numbers), Some(NUMBERS));
        let export = ["Connections.csv", "Invitations.csv", "messages.csv"];
        assert_eq!(by_entries(export), None);
        // A Word document has content types too, but no workbook.
        assert_eq!(
            by_entries(["[Content_Types].xml", "word/document.xml"]),
            None
        );
        assert_eq!(
            by_head(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Some(OLD_EXCEL)
        );
        assert_eq!(by_head(b"First Name,Last Name"), None);
    }
}
