/// The nine English regions and Wales, with how many synthetic areas each holds.
///
/// The counts follow the YOT areas of around 2011 (`Datasets/cci-2009-2012/areas.csv`, London one fewer to
/// make the official 158). Only the distribution is borrowed: every area is synthetic.
enum SyntheticRegions {
    struct Region {
        let name: String
        let country: String
        let areaCount: Int
    }

    static let all: [Region] = [
        Region(name: "North East", country: "England", areaCount: 11),
        Region(name: "North West", country: "England", areaCount: 21),
        Region(name: "Yorkshire and the Humber", country: "England", areaCount: 15),
        Region(name: "East Midlands", country: "England", areaCount: 8),
        Region(name: "West Midlands", country: "England", areaCount: 11),
        Region(name: "East of England", country: "England", areaCount: 10),
        Region(name: "London", country: "England", areaCount: 31),
        Region(name: "South East", country: "England", areaCount: 19),
        Region(name: "South West", country: "England", areaCount: 14),
        Region(name: "Wales", country: "Wales", areaCount: 18),
    ]

    /// 158: every YOT area of England and Wales in the Core Case Inspection.
    static let areaCount = all.reduce(0) { $0 + $1.areaCount }

    /// The region index of each area, areas numbered in region order.
    static let regionOfArea: [Int] = all.enumerated().flatMap { index, region in
        Array(repeating: index, count: region.areaCount)
    }
}
