// SPDX-License-Identifier: Apache-2.0
import Dialplan

/// Trunks loaded from a dialplan text, as the server loads them.
enum TrunkTestPlan {
    static let yaml = """
        contexts:
          internal:
            - match: _9.
              steps:
                - dial: {trunk: [provider, backup], number: '${EXTEN:1}'}
          from-provider:
            - match: _X.
              steps:
                - dial: 1001
        trunks:
          provider:
            host: 192.0.2.10
            port: 5070
            username: '4420712345'
            password: secret
            caller_id: '+442071234567'
            dids: ['+442071234567', '_+4420712345XX']
            context: from-provider
            max_calls: 2
            codecs: [PCMA]
            allow: ['203.0.113.0/24']
          backup:
            host: 198.51.100.7
            transport: tcp
            outbound_proxy: sip:192.0.2.99:5080;transport=tcp
            username: acct
            from_user: acct
            from_domain: voip.example.net
            contact_user: main-line
            password: {env: BACKUP_SECRET}
            dids: ['+15550100']
        """

    static func load() throws -> Dialplan {
        try Dialplan.load(files: [DialplanFile(path: "trunks.yaml", text: yaml)])
    }

    static func trunk(_ name: String) throws -> TrunkDefinition {
        guard let trunk = try load().trunks[name] else { throw TrunkTestPlanError.missing(name) }
        return trunk
    }
}

enum TrunkTestPlanError: Error {
    case missing(String)
}
