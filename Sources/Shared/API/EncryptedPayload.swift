/// The `{encrypted, iv, authTag}` body of a prompt or workflow-config response (all base64).
package struct EncryptedPayload: Equatable, Sendable {
    /// Base64 ciphertext.
    package var encrypted: String
    /// Base64 IV (16 bytes from the service).
    package var iv: String
    /// Base64 GCM tag (16 bytes).
    package var authTag: String

    /// Creates a payload.
    package init(encrypted: String, iv: String, authTag: String) {
        self.encrypted = encrypted
        self.iv = iv
        self.authTag = authTag
    }

    /// Reads the three string fields; nil when one is missing.
    package init?(json: JSONValue) {
        guard let encrypted = json["encrypted"]?.stringValue, let iv = json["iv"]?.stringValue,
            let authTag = json["authTag"]?.stringValue
        else { return nil }
        self.init(encrypted: encrypted, iv: iv, authTag: authTag)
    }

    /// The JSON body the API sends.
    package var json: JSONValue {
        ["encrypted": .string(encrypted), "iv": .string(iv), "authTag": .string(authTag)]
    }
}
