import Testing

/// Every suite of the preview runs one at a time: they start servers, watchers and a 200-connection
/// load on a two-core machine, and running them side by side starved the ones with deadlines.
@Suite(.serialized) enum PreviewTests {}
