// In-memory fakes of the Apps Script services the add-on uses, faithful to the
// documented behaviour that matters for correctness: 1-based ranges, the real
// dimension-mismatch and bounds messages, empty cells read as '', Date cells,
// number formats ('@' keeps text, otherwise numeric and ISO-date strings are
// parsed like the Sheets UI does), a leading apostrophe forcing text, strings
// starting with '=' becoming formulas, notes, backgrounds, data validations,
// protections (enforced against the acting user, with the real Sheets message),
// developer metadata, charts. Every call on a spreadsheet object is counted so
// tests can prove batch reads and writes. As strict as the documentation where
// it matters: writes are buffered until flush(), the same execution's next
// spreadsheet call, or the end of the execution (a lock release does NOT flush);
// strings typed into non-text cells are parsed as a vi_VN spreadsheet does
// (dd/mm/yyyy dates, TRUE/FALSE, numbers); the spreadsheet has its own time zone;
// Properties, Cache and cell sizes are limited as documented.
export * from './gas/base';
export * from './gas/features';
export * from './gas/range';
export * from './gas/sheet';
export * from './gas/spreadsheet';
export * from './gas/ui';
export * from './gas/services';
