import AgoraDomain
import Foundation
import Testing

@Suite struct OfferFeedTests {
    static let header =
        "sku,gtin,name,brand,category,price,shipping,currency,stock,condition,url,environmental_score,carbon_kg,repairability,origin"

    @Test func validLinesBecomeOffersAndBadLinesSayWhatIsWrong() {
        let csv = """
            \(Self.header)
            A1,4006381333931,"Lave-linge Éco, 8 kg",Bosch,lave-linge,499.90,0,EUR,12,new,https://shop.example/a1,82,310.5,7.5,DE
            A2,4006381333932,Bad check digit,,,10,0,EUR,1,new,https://shop.example/a2,,,,
            A3,73513537,Câble,,,abc,0,EUR,1,new,https://shop.example/a3,,,,
            A4,73513537,Câble,,,5,0,EUR,1,broken,https://shop.example/a4,,,,
            A5,73513537,Câble,,,5,0,EUR,1,used,javascript:alert(1),,,,
            A6,73513537,Câble,,,5,0,EUR,1,used,https://shop.example/a6,,,,XX
            A7,73513537,Too few fields
            A1,73513537,Again,,,5,0,EUR,1,used,https://shop.example/a1,,,,
            A8,73513537,"Multi
            line name",,,5;0,0,EUR,1,used,https://shop.example/a8,,,,
            """
        let feed = OfferFeed(csv: csv)
        #expect(feed.offers.map(\.offer.sku) == ["A1"])
        let first = feed.offers[0].offer
        #expect(
            first.productName == "Lave-linge Éco, 8 kg" && first.price == Money(minorUnits: 49_990, currency: "EUR"))
        #expect(first.carbonGrams == 310_500 && first.repairabilityTenths == 75 && first.origin?.code == "DE")
        #expect(feed.errors.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
        // The last record spans two lines of the file: it is read whole, then refused for the line break in its name.
        #expect(feed.errors.map(\.field) == ["gtin", "price", "condition", "url", "origin", "line", "sku", "name"])
        #expect(feed.errors[6].message == "error.csv.duplicateSku" && feed.errors[6].arguments == ["2"])
    }

    @Test func aMissingRequiredColumnStopsTheFeedAtTheHeader() {
        let feed = OfferFeed(csv: "sku,gtin,name,price,currency,stock,condition\nA1,73513537,X,1,EUR,1,new\n")
        #expect(
            feed.offers.isEmpty
                && feed.errors == [
                    .init(line: 1, field: "url", message: "error.csv.missingColumn", isHeaderError: true)
                ])
    }

    @Test func frenchSpreadsheetsWithSemicolonsAreRead() {
        let feed = OfferFeed(
            csv:
                "sku;gtin;name;price;currency;stock;condition;url\r\nB1;73513537;Pile;2,50;EUR;3;new;https://s.example/b1\r\n"
        )
        #expect(feed.errors.isEmpty)
        #expect(feed.offers.first?.offer.price == Money(minorUnits: 250, currency: "EUR"))
    }

    @Test func quotedFieldsKeepSeparatorsQuotesAndLineBreaks() {
        let records = CSV.records("a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,row\n")
        #expect(records.map(\.fields) == [["a", "b"], ["x, \"y\"", "two\nlines"], ["last", "row"]])
        #expect(records.map(\.line) == [1, 2, 5])
    }
}

@Suite struct OfferFeedEncodingTests {
    @Test func anExcelByteOrderMarkIsSkippedAndOtherEncodingsAreRefusedWhole() {
        let utf8 = Array(
            "\u{FEFF}sku,gtin,name,price,currency,stock,condition,url\nA,73513537,Câble,1,EUR,1,new,https://s.example/a\n"
                .utf8)
        let feed = OfferFeed(csvBytes: utf8)
        #expect(feed.headerError == nil && feed.offers.first?.offer.productName == "Câble")
        // "Câble" as Windows-1252 writes it: 0xE2 alone is not UTF-8.
        let latin1 =
            Array("sku,gtin,name,price,currency,stock,condition,url\nA,73513537,C".utf8) + [0xE2]
            + Array("ble,1,EUR,1,new,https://s.example/a\n".utf8)
        let refused = OfferFeed(csvBytes: latin1)
        #expect(refused.offers.isEmpty && refused.headerError?.message == "error.csv.encoding")
    }

    @Test func aMissingColumnAfterBlankLinesIsStillTheHeadersFault() {
        let feed = OfferFeed(csv: "\n\nsku,gtin\nA,73513537\n")
        #expect(feed.headerError?.field == "condition" || feed.headerError?.message == "error.csv.missingColumn")
    }
}
