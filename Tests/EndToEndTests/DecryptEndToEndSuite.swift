import Testing

/// Parent of every oss-decrypt end-to-end suite, run one test at a time: each test drives real processes (and
/// their curl children) against an in-process server, and several tests assert wall-clock bounds that parallel
/// runs on a two-core machine would make flaky.
@Suite(.serialized, .timeLimit(.minutes(5))) enum DecryptEndToEndSuite {}
