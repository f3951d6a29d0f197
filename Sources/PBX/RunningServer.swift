// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import Media
import NIOCore
import NIOPosix
import SIPStack
import SIPTransport
import Store

/// Everything a started server holds, built in dependency order by `start` and released in
/// reverse order by `stop`.
struct RunningServer: Sendable {
    let listeners: [SIPBoundListener]
    let database: SwitchboardDatabase
    let stack: SIPStack
    let location: LocationService
    let registrar: Registrar
    let bans: BanList
    let calls: CallController
    let dialplan: DialplanHolder
    let trunks: TrunkService
    let relay: MediaRelay
    let controlServer: ControlServer
    let threadPool: NIOThreadPool
    let journalTask: Task<Void, Never>
    let purgeTask: RepeatedTask
    let queues: QueueService
    let queueTask: RepeatedTask
    let trunkSourcesTask: RepeatedTask

    static func start(
        configuration: ServerConfiguration, group: MultiThreadedEventLoopGroup, control: ControlCommandRegistry, logger: Logger
    ) async throws -> RunningServer {
        let database = try SwitchboardDatabase(location: StoreLocation(directory: configuration.dataDirectory))
        let threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
        let bans = BanList(policy: configuration.banPolicy, existing: try await database.banRecords())
        let verifier = DigestVerifier(
            realm: configuration.domain,
            nonces: NonceFactory(secret: try await database.nonceSecret(), realm: configuration.domain, lifetime: configuration.nonceLifetime),
            nonceCounts: NonceCountTracker(retention: configuration.nonceLifetime * 2),
            algorithms: configuration.digestAlgorithms)
        let directory = ExtensionDirectory(database: database, threadPool: threadPool, logger: logger)
        let authenticator = Authenticator(directory: directory, verifier: verifier, bans: bans, logger: logger) { ban in
            Task { try? await database.upsertBan(ban) }
        }
        let location = LocationService()
        let journal = RegistrationJournal(database: database, logger: logger)
        let registrar = Registrar(
            policy: configuration.registrarPolicy, location: location, journal: journal, authenticator: authenticator, logger: logger)
        let dialplan = try DialplanHolder(path: configuration.dialplanPath, soundsDirectory: configuration.soundsDirectory)
        let transport = SIPTransportLayer(
            group: group,
            configuration: SIPTransportConfiguration(
                listeners: configuration.listeners, tlsCertificatePath: configuration.tlsCertificatePath,
                tlsKeyPath: configuration.tlsKeyPath),
            logger: logger)
        let stack = SIPStack(group: group, transport: transport, configuration: configuration.stackConfiguration, logger: logger)
        let trunks = TrunkService(
            shard: stack.shards[0],
            resolver: LocatingTrunkAddressResolver(locator: Self.trunkLocator(configuration: configuration, group: group)),
            policy: configuration.trunkPolicy, logger: logger)
        let relay = try MediaRelay(
            group: group,
            configuration: MediaRelayConfiguration(
                ports: configuration.rtpPorts, bindHost: configuration.effectiveMediaAddress,
                // 0 turns the media timeout off: a timeout no call reaches (ten years).
                rtpTimeout: .seconds(Int64(configuration.rtpTimeout == 0 ? 315_360_000 : configuration.rtpTimeout))),
            logger: logger)
        let queues = QueueService(eventLoop: group.next(), location: location, activity: ExtensionActivity(), logger: logger)
        let calls = CallController(
            shardCount: stack.shards.count, authenticator: authenticator, dialplan: dialplan, location: location, media: relay,
            music: MusicLibrary(soundsFolder: configuration.soundsDirectory), holdMusic: configuration.holdMusic,
            recorder: CallRecorder(database: database, logger: logger), queues: queues, activity: queues.activity,
            domain: configuration.domain,
            mediaAddress: configuration.effectiveMediaAddress, trunks: TrunkCallServices(service: trunks), logger: logger)
        // Requests from trunks are recognised by address from the first packet on.
        try await calls.trunks.refreshSources(of: dialplan.plan, on: group.next()).get()
        let endpoint = SIPEndpoint(services: EndpointServices(registrar: registrar, bans: bans, calls: calls), logger: logger)

        let socketPath = StoreLocation(directory: configuration.dataDirectory).controlSocketPath
        let controlServer = try await ControlServer.start(path: socketPath, registry: control, group: group)
        let listeners: [SIPBoundListener]
        do {
            listeners = try await stack.start(delegate: endpoint)
        } catch {
            await controlServer.stop()
            await transport.shutdown()
            throw error
        }
        for binding in await journal.restore(listeners: listeners) {
            location.update(binding.extensionNumber) { $0.append(binding) }
        }
        let housekeepingShard = stack.shards[0]
        let keepAlive = configuration.keepAliveInterval > 0
            ? KeepAliveService(
                interval: configuration.keepAliveInterval, shard: housekeepingShard, registrar: registrar,
                domain: configuration.domain, logger: logger)
            : nil
        let purgeTask = housekeepingShard.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
            registrar.purgeExpired(on: housekeepingShard.eventLoop)
            keepAlive?.tick()
        }
        try? await trunks.apply(dialplan.plan.trunks).get()
        // Provider addresses change with DNS: resolve them again now and then.
        let trunkSourcesTask = housekeepingShard.eventLoop.scheduleRepeatedAsyncTask(
            initialDelay: Self.trunkSourcesRefresh, delay: Self.trunkSourcesRefresh
        ) { _ in
            calls.trunks.refreshSources(of: dialplan.plan, on: housekeepingShard.eventLoop)
        }
        return RunningServer(
            listeners: listeners, database: database, stack: stack, location: location, registrar: registrar, bans: bans,
            calls: calls, dialplan: dialplan, trunks: trunks, relay: relay,
            controlServer: controlServer, threadPool: threadPool, journalTask: Task { await journal.run() },
            purgeTask: purgeTask, queues: queues, queueTask: queues.start(), trunkSourcesTask: trunkSourcesTask)
    }

    /// How often the addresses of trunks are resolved again.
    static let trunkSourcesRefresh: TimeAmount = .seconds(60)

    func stop() async {
        await calls.endAll(shards: stack.shards)
        // RFC 3261 §10.2.2: remove our bindings at the providers before the sockets close.
        try? await trunks.stop().get()
        // Let the BYEs, CANCELs and 503s leave before the sockets close.
        try? await Task.sleep(for: .milliseconds(300))
        purgeTask.cancel()
        queueTask.cancel()
        trunkSourcesTask.cancel()
        await controlServer.stop()
        await stack.transport.shutdown()
        await relay.shutdown()
        registrar.journal.finish()
        await journalTask.value
        try? await threadPool.shutdownGracefully()
    }
}
