extension Migrations {
    /// Categories, products with their sustainability figures, partners' offers and stores, and
    /// the price history that the 30-day reference price is computed from.
    ///
    /// `products.search_text` holds the folded words of name, brand and description (see
    /// `TextFolding`); each database indexes it its own way (`Dialect/SearchIndex.swift`).
    static let catalog = Migration(version: 2, name: "catalog") { types in
        var statements = [
            """
            CREATE TABLE categories (
                id \(types.id),
                slug TEXT NOT NULL UNIQUE,
                parent_id BIGINT REFERENCES categories(id),
                name_fr TEXT NOT NULL,
                name_en TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE products (
                id \(types.id),
                gtin TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                brand TEXT,
                description TEXT,
                category_id BIGINT REFERENCES categories(id),
                image_urls TEXT NOT NULL,
                environmental_score INTEGER,
                environmental_source TEXT,
                environmental_at BIGINT,
                carbon_grams BIGINT,
                carbon_source TEXT,
                carbon_at BIGINT,
                repairability_tenths INTEGER,
                repairability_source TEXT,
                repairability_at BIGINT,
                origin TEXT,
                labels TEXT NOT NULL,
                search_text TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX products_category ON products(category_id)",
            """
            CREATE TABLE offers (
                id \(types.id),
                partner_id BIGINT NOT NULL REFERENCES partners(id),
                product_id BIGINT NOT NULL REFERENCES products(id),
                sku TEXT NOT NULL,
                price_minor BIGINT NOT NULL,
                shipping_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                stock INTEGER NOT NULL,
                condition TEXT NOT NULL,
                url TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (partner_id, sku)
            )
            """,
            "CREATE INDEX offers_product ON offers(product_id)",
            """
            CREATE TABLE price_history (
                id \(types.id),
                offer_id BIGINT NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
                total_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX price_history_offer ON price_history(offer_id, at)",
            """
            CREATE TABLE stores (
                id \(types.id),
                partner_id BIGINT NOT NULL REFERENCES partners(id),
                name TEXT NOT NULL,
                address TEXT NOT NULL,
                city TEXT NOT NULL,
                latitude DOUBLE PRECISION NOT NULL,
                longitude DOUBLE PRECISION NOT NULL
            )
            """,
            // The near-me prefilter: a range on latitude, then longitude, from this index.
            "CREATE INDEX stores_position ON stores(latitude, longitude)",
            "CREATE INDEX stores_partner ON stores(partner_id)",
        ]
        statements += SearchIndex.creation(types.flavor)
        return statements
    }
}
