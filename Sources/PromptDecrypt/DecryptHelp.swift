import Shared

/// The text of `oss-decrypt --help`.
package enum DecryptHelp {
    /// Help, ending with a newline.
    package static let text = """
        oss-decrypt v\(DecryptTool.version): fetch, decrypt and verify One Shot Ship prompts

        Usage:
          oss-decrypt --setup                      Fetch and store credentials for this device
          oss-decrypt --type <t> --name <n>        Print a prompt (t: commands, workflows, skills, agents,
                                                   hooks, custom)
          oss-decrypt --list-prompts [--category <c>]
                                                   List the prompts of the signed manifest as JSON
          oss-decrypt --verify-manifest            Check the manifest signature; prints a JSON report
          oss-decrypt --clear-cache                Delete the legacy on-disk prompt cache

        Options:
          -t, --type <t>      Prompt type
          -n, --name <n>      Prompt name (1-100 characters; no /, \\, .. or control characters)
          -d, --debug         Step-by-step diagnostics on stderr (secrets redacted)
              --no-cache      Accepted for compatibility (prompts are never cached on disk)
          -v, --version       Print the version
          -h, --help          Print this help

        Network: HTTPS through the system curl (/usr/bin/curl and the like; plain http only to localhost).

        Files: <config>/config.json (apiKey, apiUrl), <config>/credentials.enc, <config>/update-state.json,
        where <config> is $OSS_CONFIG_DIR or ~/.oss.

        Environment:
          OSS_CONFIG_DIR            Config directory (default ~/.oss), for every option
          OSS_HTTP_TIMEOUT          Seconds allowed for each API request (default 45; the manifest check
                                    waits at most 3 s more after decryption)
          OSS_MANIFEST_PUBLIC_KEY   Base64 SPKI Ed25519 key that replaces the built-in manifest key, for
                                    self-hosted APIs and tests. Whoever sets it decides which manifests are
                                    trusted; oss-decrypt announces it on stderr each time it is used.

        Exit status: 0 success; 1 any error (printed as "Error: <message>"), including an invalid manifest
        signature or prompt hash; 75 when the API did not answer in time.

        """
}
