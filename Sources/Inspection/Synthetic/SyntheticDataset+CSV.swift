extension SyntheticDataset {
    /// Room reserved for one row of a small file; every such row is far shorter.
    private static let smallRowBytes = 256

    func writeAreas<Sink: ByteSink>(_ buffer: CSVByteBuffer, to sink: inout Sink) throws(Sink.Failure) {
        buffer.append("area_code,area,region,country\n")
        for area in areas {
            try buffer.reserve(SyntheticDataset.smallRowBytes, flushingTo: &sink)
            let region = SyntheticRegions.all[area.region]
            buffer.append(area.code + "," + area.name + "," + region.name + "," + region.country + "\n")
        }
    }

    func writeInspections<Sink: ByteSink>(_ buffer: CSVByteBuffer, to sink: inout Sink) throws(Sink.Failure) {
        buffer.append("inspection_id,area_code,programme,published,cases\n")
        for inspection in inspections {
            try buffer.reserve(SyntheticDataset.smallRowBytes, flushingTo: &sink)
            buffer.append(inspection.id)
            buffer.append("," + areas[inspection.area].code + "," + inspection.programme + ",")
            buffer.append(inspection.published)
            buffer.append(byte: UInt8(ascii: ","))
            buffer.append(inspection.cases)
            buffer.append(byte: UInt8(ascii: "\n"))
        }
    }

    func writeQuestions<Sink: ByteSink>(_ buffer: CSVByteBuffer, to sink: inout Sink) throws(Sink.Failure) {
        buffer.append("question,criterion,section\n")
        for question in SyntheticQuestionSet.questions {
            try buffer.reserve(SyntheticDataset.smallRowBytes, flushingTo: &sink)
            let criterion = SyntheticQuestionSet.criteria[question.criterion]
            buffer.append(question.id + "," + criterion.measureID + "," + criterion.sectionID + "\n")
        }
    }

    func writeQuestionThemes<Sink: ByteSink>(_ buffer: CSVByteBuffer, to sink: inout Sink) throws(Sink.Failure) {
        buffer.append("question,theme\n")
        for question in SyntheticQuestionSet.questions {
            for theme in SyntheticTheme.allCases where question.themes & theme.bit != 0 {
                try buffer.reserve(SyntheticDataset.smallRowBytes, flushingTo: &sink)
                buffer.append(question.id + "," + theme.id + "\n")
            }
        }
    }

    func writeJudgements<Sink: ByteSink>(_ buffer: CSVByteBuffer, to sink: inout Sink) throws(Sink.Failure) {
        buffer.append("inspection_id,case_id,question,answer\n")
        var writer = SyntheticJudgementWriter(buffer: buffer)
        for inspection in inspections {
            let worstCase =
                inspection.cases * SyntheticQuestionSet.questions.count * SyntheticJudgementWriter.maximumRowBytes
            try buffer.reserve(worstCase, flushingTo: &sink)
            writer.beginInspection(inspection.id)
            judgementModel.simulate(inspection, into: &writer)
            writer.endInspection()
        }
    }
}
