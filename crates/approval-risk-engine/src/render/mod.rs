//! Reports for people: the assessment rendered as Markdown (tickets, pull-request comments) and
//! the text helpers the CLI and the page share.
