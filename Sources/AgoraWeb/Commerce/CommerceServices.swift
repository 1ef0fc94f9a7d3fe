import AgoraDomain
import AgoraStore
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// Settles group buys whose deadline passed and vests rewards whose return window closed, every
/// `interval`. Every instance may run it: a settlement takes the campaign's advisory lock and its
/// row, so each campaign settles once; a settlement cut short by a crash rolls back whole and the
/// next pass (here or on another instance) settles it again.
struct CommerceJobsService: Service {
    let groupBuys: GroupBuyStore
    let orders: OrderStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await runOnce()
            } catch is CancellationError {
                return
            } catch {
                logger.warning("commerce jobs failed; will retry", metadata: ["error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }

    /// Each campaign on its own: one that fails (and is tried again next pass) holds up neither
    /// the others nor the rewards.
    func runOnce() async throws {
        for id in try await groupBuys.due() {
            logger.info("settling group buy", metadata: ["groupBuy": "\(id)"])
            let started = ContinuousClock.now
            do {
                if try await groupBuys.settle(id) {
                    logger.info(
                        "group buy settled",
                        metadata: [
                            "groupBuy": "\(id)", "durationMs": "\(Int((ContinuousClock.now - started).milliseconds))",
                        ])
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                logger.error("group buy settlement failed", metadata: ["groupBuy": "\(id)", "error": "\(error)"])
            }
        }
        _ = try await orders.vestDueRewards()
    }
}

/// Calls partners' webhook endpoints for the deliveries that are due, signed, and records each
/// attempt; failures are retried with exponential backoff for 24 hours (`WebhookRetry`).
struct WebhookService: Service {
    let webhooks: WebhookStore
    let client: HTTPClient
    let clock: any AgoraClock
    let interval: Duration
    let logger: Logger

    /// Redirects are not followed (a partner could send Agora's calls anywhere) and each call
    /// gets 10 seconds.
    static func makeClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(10))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var sent = 0
            do {
                let due = try await webhooks.claimDue()
                sent = due.count
                await withTaskGroup(of: Void.self) { group in
                    for delivery in due { group.addTask { await deliver(delivery) } }
                }
            } catch is CancellationError {
                break
            } catch {
                logger.warning("webhook deliveries failed; will retry", metadata: ["error": "\(error)"])
            }
            if sent > 0 { continue }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                break
            }
        }
        try? await client.shutdown()
    }

    func deliver(_ delivery: WebhookDelivery) async {
        let started = ContinuousClock.now
        var statusCode: Int?
        var failure: String?
        do {
            guard let endpoint = try await webhooks.endpoint(of: delivery.partnerID) else {
                throw WebhookFailure("no endpoint")
            }
            let timestamp = Int64(clock.now.timeIntervalSince1970)
            var request = HTTPClientRequest(url: endpoint.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "Agora-Webhooks/1")
            request.headers.add(name: "Agora-Event", value: delivery.eventType)
            request.headers.add(name: "Agora-Delivery", value: String(delivery.id))
            request.headers.add(
                name: "Agora-Signature",
                value: WebhookSignature.header(secret: endpoint.secret, timestamp: timestamp, body: delivery.payload))
            request.body = .bytes(ByteBuffer(string: delivery.payload))
            let response = try await client.execute(request, timeout: .seconds(10))
            statusCode = Int(response.status.code)
            // Read (and drop) at most 64 KiB of the answer, so the connection can be reused.
            _ = try? await response.body.collect(upTo: 1 << 16)
            if !(200..<300).contains(Int(response.status.code)) { failure = "HTTP \(response.status.code)" }
        } catch let error as WebhookFailure {
            failure = error.reason
        } catch {
            failure = Self.category(of: error)
            logger.info("webhook call failed", metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let next =
            failure == nil
            ? nil
            : WebhookRetry.nextAttempt(after: delivery.attempts + 1, firstAttemptAt: delivery.createdAt, now: clock.now)
        do {
            try await webhooks.recordAttempt(
                delivery.id, statusCode: statusCode, error: failure, duration: milliseconds, delivered: failure == nil,
                next: next)
        } catch {
            logger.warning("could not record a webhook attempt", metadata: ["error": "\(error)"])
        }
    }
}

extension WebhookService {
    /// What a partner is told of a failed call: a category, not the error's text, which would tell
    /// a refused connection from a silent one and so help map the network behind Agora.
    static func category(of error: any Error) -> String {
        let text = String(describing: error).lowercased()
        if text.contains("timeout") || text.contains("deadline") { return "timeout" }
        if text.contains("ssl") || text.contains("tls") || text.contains("certificate") { return "TLS failure" }
        return "connection failed"
    }
}

struct WebhookFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
