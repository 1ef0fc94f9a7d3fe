import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird
import Logging

/// Everything the routes use, built once from the configuration.
struct AppDependencies: Sendable {
    let configuration: AppConfiguration
    let database: Database
    let hub: EventHub
    let metrics: AppMetrics
    let traffic: TrafficRecorder

    var members: MemberStore { MemberStore(database: database) }
    var sessions: SessionStore { SessionStore(database: database) }
    var partners: PartnerStore { PartnerStore(database: database) }
    var loginFailures: LoginFailureStore {
        LoginFailureStore(database: database, throttle: configuration.loginThrottle)
    }
}

/// The one composition root: the CLI and every test build Agora here.
public func buildApplication(_ configuration: AppConfiguration) async throws -> some ApplicationProtocol {
    let database = try await Database.open(
        configuration.database, clock: configuration.clock, logger: configuration.logger)
    return try await buildApplication(configuration, database: database)
}

/// Agora on a database already open, which the application closes when it stops. Tests keep the
/// handle to check what was written: a second handle would be a second SQLite writer competing
/// for the file's lock, and a second PostgreSQL pool.
func buildApplication(_ configuration: AppConfiguration, database: Database) async throws -> some ApplicationProtocol {
    let logger = configuration.logger
    let router: Router<AppRequestContext>
    let dependencies: AppDependencies
    do {
        (router, dependencies) = try await buildRouter(configuration, database: database, logger: logger)
    } catch {
        await database.close()
        throw error
    }
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "agora"),
        logger: logger)
    app.addServices(
        DatabaseService(database: database),
        MaintenanceService(
            sessions: dependencies.sessions, failures: dependencies.loginFailures,
            ideas: IdeaStore(database: database, settings: configuration.ideas), interval: .seconds(3600),
            logger: logger),
        EventDispatchService(
            dispatcher: EventDispatcher(
                database: database, hub: dependencies.hub, pollInterval: configuration.eventPollInterval, logger: logger
            ),
            hub: dependencies.hub),
        CommerceJobsService(
            groupBuys: GroupBuyStore(database: database, settings: configuration.commerce),
            orders: OrderStore(database: database, settings: configuration.commerce),
            interval: configuration.commerceJobInterval, logger: logger),
        WebhookService(
            webhooks: WebhookStore(database: database), client: WebhookService.makeClient(),
            clock: configuration.clock, interval: configuration.webhookPollInterval, logger: logger),
        TrafficService(
            recorder: dependencies.traffic, store: TrafficStore(database: database), hub: dependencies.hub,
            interval: configuration.trafficFlushInterval, logger: logger))
    return app
}

/// The router with every route and middleware; tests use it to compare routes with the OpenAPI document.
func buildRouter(
    _ configuration: AppConfiguration, database: Database, logger: Logger
) async throws -> (Router<AppRequestContext>, AppDependencies) {
    guard let resources = AgoraWebResources.url else { throw CocoaError(.fileNoSuchFile) }
    let localizer = try Localizer.bundled()
    let pages = try await Pages(templates: resources.appendingPathComponent("templates"), localizer: localizer)
    let dependencies = AppDependencies(
        configuration: configuration, database: database, hub: EventHub(), metrics: AppMetrics(),
        traffic: TrafficRecorder())
    let renderer = ProblemRenderer(localizer: localizer, pages: pages)
    let authentication = Authentication(
        members: dependencies.members, sessions: dependencies.sessions,
        failures: dependencies.loginFailures,
        hasher: PasswordHasher(cost: configuration.bcryptCost), sessionLifetime: configuration.sessionLifetime)
    let secure = configuration.secureCookies

    let router = Router(context: AppRequestContext.self)
    router.add(
        middleware: ObservabilityMiddleware(
            metrics: dependencies.metrics, traffic: dependencies.traffic, clock: configuration.clock,
            renderer: renderer))
    let identities = IdentityMiddleware(
        sessions: dependencies.sessions, partners: dependencies.partners,
        notifications: NotificationStore(database: database), secureCookies: secure,
        publicURL: configuration.publicURL, trustForwardedFor: configuration.trustForwardedFor,
        traffic: dependencies.traffic, clock: configuration.clock)
    router.add(middleware: identities)
    router.add(middleware: ProblemMiddleware(renderer: renderer))
    router.add(middleware: CSRFMiddleware())
    router.add(middleware: IdempotencyMiddleware(store: IdempotencyStore(database: database)))
    // Innermost: it serves a file only when no route matched.
    router.add(
        middleware: FileMiddleware(
            resources.appendingPathComponent("static").path, urlBasePath: "/static", searchForIndexHtml: false,
            logger: logger))

    OperationsController(database: database, metrics: dependencies.metrics).addRoutes(to: router)
    HomePages(pages: pages, members: dependencies.members, partners: dependencies.partners).addRoutes(to: router)
    let reviewSection = ReviewSection(
        reviews: ReviewStore(database: database), notoriety: NotorietyStore(database: database),
        likes: LikeStore(database: database), localizer: localizer)
    ProductPages(
        pages: pages, products: ProductStore(database: database), alerts: PriceAlertStore(database: database),
        stores: StoreLocationStore(database: database), clock: configuration.clock, reviews: reviewSection
    ).addRoutes(to: router)
    ReviewPages(
        pages: pages, section: reviewSection, partners: dependencies.partners, members: dependencies.members,
        categories: CategoryStore(database: database)
    ).addRoutes(to: router)
    ArticlePages(pages: pages, articles: ArticleStore(database: database), likes: reviewSection.likes)
        .addRoutes(to: router)
    IdeaPages(
        pages: pages, ideas: IdeaStore(database: database, settings: configuration.ideas),
        settings: configuration.ideas, products: ProductStore(database: database), partners: dependencies.partners,
        categories: CategoryStore(database: database), clock: configuration.clock
    ).addRoutes(to: router)
    VoiceOfCustomerPages(
        pages: pages, voices: VoiceOfCustomerStore(database: database), partners: dependencies.partners,
        categories: CategoryStore(database: database), clock: configuration.clock
    ).addRoutes(to: router)
    BusinessModelPages(
        pages: pages, store: BusinessModelStore(database: database, defaults: configuration.commerce),
        partners: dependencies.partners, clock: configuration.clock
    ).addRoutes(to: router)
    ReviewForms(
        pages: pages, reviews: reviewSection.reviews, likes: reviewSection.likes, partners: dependencies.partners,
        products: ProductStore(database: database), notoriety: reviewSection.notoriety,
        dataDirectory: configuration.dataDirectory, clock: configuration.clock
    ).addRoutes(to: router)
    NotificationPages(
        pages: pages, notifications: NotificationStore(database: database),
        rendering: { NotificationRendering(localizer: localizer, language: $0) }
    ).addRoutes(to: router)
    let deals = DealStore(database: database)
    let comments = CommentStore(database: database)
    let moderation = ModerationStore(database: database)
    let follows = FollowStore(database: database)
    let categories = CategoryStore(database: database)
    DealPages(
        pages: pages, deals: deals, comments: comments, categories: categories, clock: configuration.clock,
        secureCookies: secure
    )
    .addRoutes(to: router)
    CommunityPages(
        pages: pages, deals: deals, comments: comments, moderation: moderation, follows: follows,
        members: dependencies.members, reviews: ReviewStore(database: database)
    ).addRoutes(to: router)
    MediaController(reviews: ReviewStore(database: database), dataDirectory: configuration.dataDirectory)
        .addRoutes(to: router)
    DealFeed(deals: deals, localizer: localizer, clock: configuration.clock).addRoutes(to: router)
    SearchPages(
        pages: pages, products: ProductStore(database: database), categories: CategoryStore(database: database),
        stores: StoreLocationStore(database: database)
    ).addRoutes(to: router)
    AccountPages(
        pages: pages, authentication: authentication, members: dependencies.members, sessions: dependencies.sessions,
        secureCookies: secure
    ).addRoutes(to: router)

    let commerce = (
        groupBuys: GroupBuyStore(database: database, settings: configuration.commerce),
        orders: OrderStore(database: database, settings: configuration.commerce), offers: OfferStore(database: database)
    )
    let groupBuyPages = GroupBuyPages(
        pages: pages, groupBuys: commerce.groupBuys, products: ProductStore(database: database),
        partners: dependencies.partners, clock: configuration.clock)
    groupBuyPages.addRoutes(to: router)
    ProposalPages(list: groupBuyPages, partners: dependencies.partners).addRoutes(to: router)
    GroupBuyFormPages(
        pages: pages, groupBuys: commerce.groupBuys, offers: commerce.offers, partners: dependencies.partners,
        clock: configuration.clock
    ).addRoutes(to: router)
    let orderPages = OrderPages(
        pages: pages, orders: commerce.orders, offers: commerce.offers, partners: dependencies.partners)
    orderPages.addRoutes(to: router)
    PartnerOrderPages(pages: pages, orders: commerce.orders, partners: dependencies.partners, list: orderPages)
        .addRoutes(to: router)
    WebhookPages(
        pages: pages, webhooks: WebhookStore(database: database), partners: dependencies.partners,
        allowPrivateNetworks: configuration.webhooksMayReachPrivateNetworks
    ).addRoutes(to: router)
    LedgerPages(
        pages: pages, ledger: LedgerStore(database: database), partners: dependencies.partners,
        clock: configuration.clock
    ).addRoutes(to: router)

    let api = router.group("api/v1")
    AccountsController(
        authentication: authentication, members: dependencies.members, sessions: dependencies.sessions,
        secureCookies: secure
    ).addRoutes(to: api)
    PartnersController(partners: dependencies.partners, members: dependencies.members).addRoutes(to: api)
    PartnerOffersController(
        offers: OfferStore(database: database), partners: dependencies.partners,
        categories: CategoryStore(database: database), localizer: localizer
    )
    .addRoutes(to: api)
    ProductsController(
        products: ProductStore(database: database), stores: StoreLocationStore(database: database),
        clock: configuration.clock
    ).addRoutes(to: api)
    DealsController(
        deals: deals, moderation: moderation,
        cache: DealListCache(hub: dependencies.hub, database: database, clock: configuration.clock),
        clock: configuration.clock
    ).addRoutes(to: api)
    CommentsController(comments: comments, deals: deals, moderation: moderation).addRoutes(to: api)
    FollowsController(follows: follows).addRoutes(to: api)
    ModerationController(moderation: moderation, clock: configuration.clock).addRoutes(to: api)
    ProfilesController(members: dependencies.members).addRoutes(to: api)
    let reviews = ReviewStore(database: database)
    ReviewsController(reviews: reviews, partners: dependencies.partners, dataDirectory: configuration.dataDirectory)
        .addRoutes(to: api)
    ReviewCommunityController(reviews: reviews, partners: dependencies.partners).addRoutes(to: api)
    ArticlesController(
        articles: ArticleStore(database: database), likes: LikeStore(database: database),
        partners: dependencies.partners
    ).addRoutes(to: api)
    NotorietyController(
        notoriety: NotorietyStore(database: database), likes: LikeStore(database: database), reviews: reviews,
        partners: dependencies.partners, members: dependencies.members, categories: CategoryStore(database: database)
    ).addRoutes(to: api)
    IdeasController(ideas: IdeaStore(database: database, settings: configuration.ideas), clock: configuration.clock)
        .addRoutes(to: api)
    VoiceOfCustomerController(
        voices: VoiceOfCustomerStore(database: database), partners: dependencies.partners, clock: configuration.clock
    ).addRoutes(to: api)
    BusinessModelController(
        store: BusinessModelStore(database: database, defaults: configuration.commerce),
        partners: dependencies.partners, clock: configuration.clock
    ).addRoutes(to: api)
    CategoriesController(categories: CategoryStore(database: database)).addRoutes(to: api)
    PriceAlertsController(alerts: PriceAlertStore(database: database)).addRoutes(to: api)
    NotificationsController(notifications: NotificationStore(database: database), localizer: localizer).addRoutes(
        to: api)
    StoresController(stores: StoreLocationStore(database: database), partners: dependencies.partners).addRoutes(to: api)
    EventsController(
        hub: dependencies.hub, log: EventLog(database: database), identities: identities, metrics: dependencies.metrics,
        heartbeat: configuration.heartbeatInterval, buffer: configuration.liveBuffer
    ).addRoutes(to: api)
    let groupBuys = GroupBuyStore(database: database, settings: configuration.commerce)
    let orders = OrderStore(database: database, settings: configuration.commerce)
    GroupBuysController(groupBuys: groupBuys, partners: dependencies.partners, clock: configuration.clock)
        .addRoutes(to: api)
    OrdersController(orders: orders, partners: dependencies.partners).addRoutes(to: api)
    WebhooksController(
        webhooks: WebhookStore(database: database), partners: dependencies.partners,
        allowPrivateNetworks: configuration.webhooksMayReachPrivateNetworks
    ).addRoutes(to: api)
    LedgerController(
        ledger: LedgerStore(database: database), partners: dependencies.partners, clock: configuration.clock
    )
    .addRoutes(to: api)
    let openAPI = OpenAPIDocument.json()
    api.get("openapi.json") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: openAPI)))
    }
    return (router, dependencies)
}

/// Templates, static files and locales, shipped as package resources.
enum AgoraWebResources {
    static var url: URL? { Bundle.module.url(forResource: "Resources", withExtension: nil) }
}
