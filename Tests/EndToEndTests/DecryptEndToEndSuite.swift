import Testing

/// Parent of every oss-decrypt end-to-end suite, run one test at a time: each test drives real processes against
/// an in-process server, and Linux URLSession busy-polls while it waits for a response, so parallel runs on two
/// cores starve the server and time out.
@Suite(.serialized) enum DecryptEndToEndSuite {}
