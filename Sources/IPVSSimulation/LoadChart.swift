/// Draws a workload report as an SVG line chart: active connections per real server over time.
public enum LoadChart {
    private static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                  "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    public static func svg(_ report: WorkloadReport, title: String) -> String {
        let width = 800.0, height = 420.0
        let left = 60.0, right = 200.0, top = 40.0, bottom = 50.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maxTime = max(report.sampleTimes.last ?? 1, 1e-9)
        let maxActive = max(1, report.servers.flatMap(\.activeOverTime).max() ?? 1)
        func x(_ time: Double) -> String { format(left + plotWidth * time / maxTime) }
        func y(_ active: Int) -> String { format(top + plotHeight * (1 - Double(active) / Double(maxActive))) }

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(format(left))" y="24" font-size="15">\(escape(title))</text>
            <line x1="\(format(left))" y1="\(format(top + plotHeight))" x2="\(format(left + plotWidth))" \
            y2="\(format(top + plotHeight))" stroke="black"/>
            <line x1="\(format(left))" y1="\(format(top))" x2="\(format(left))" y2="\(format(top + plotHeight))" stroke="black"/>

            """
        for tick in 0...4 {
            let active = maxActive * tick / 4
            let time = maxTime * Double(tick) / 4
            svg += "<text x=\"\(format(left - 8))\" y=\"\(y(active))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(active)</text>\n"
            svg += "<text x=\"\(x(time))\" y=\"\(format(top + plotHeight + 18))\" text-anchor=\"middle\">\(format(time))s</text>\n"
        }
        svg += "<text x=\"\(format(left + plotWidth / 2))\" y=\"\(format(height - 8))\" text-anchor=\"middle\">time</text>\n"
        svg += "<text x=\"14\" y=\"\(format(top + plotHeight / 2))\" transform=\"rotate(-90 14 \(format(top + plotHeight / 2)))\" text-anchor=\"middle\">active connections</text>\n"
        for (index, server) in report.servers.enumerated() {
            let colour = palette[index % palette.count]
            let points = zip(report.sampleTimes, server.activeOverTime).map { "\(x($0)),\(y($1))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(points)\"/>\n"
            let legendY = format(top + 16 * Double(index))
            svg += "<line x1=\"\(format(left + plotWidth + 15))\" y1=\"\(legendY)\" x2=\"\(format(left + plotWidth + 35))\" y2=\"\(legendY)\" stroke=\"\(colour)\" stroke-width=\"3\"/>\n"
            svg += "<text x=\"\(format(left + plotWidth + 40))\" y=\"\(legendY)\" dominant-baseline=\"middle\">\(escape(server.name)) w\(server.weight)</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    private static func format(_ value: Double) -> String {
        let scaled = (value * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
