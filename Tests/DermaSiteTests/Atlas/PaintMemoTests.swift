@testable import DermaSite
import Testing

/// The maps' paints are kept per data set: a kept paint is the one made afresh, and any change
/// to the data set is drawn with a new one.
@Suite struct PaintMemoTests {
    private func shown(_ paint: ZonePaint, _ atlas: Atlas) -> [String] {
        atlas.places.map { "\($0.id): \(paint.fill(of: $0.id, prefix: "m")) \(paint.says(of: $0.id)) \(paint.roots(of: $0.id))" }
    }

    @Test func aKeptPaintIsTheOneMadeAfresh() {
        let atlas = AtlasFixture.atlas()
        for variant in [nil, "clinical", AtlasMaps.agreementID, "no-such-variant"] {
            let kept = ZonePaint.of(atlas, variant: variant)
            #expect(shown(kept, atlas) == shown(ZonePaint(atlas: atlas, variant: variant), atlas), "\(variant ?? "default")")
            #expect(shown(ZonePaint.of(atlas, variant: variant), atlas) == shown(kept, atlas))
        }
    }

    @Test func aChangedDataSetIsDrawnAsItIsNow() {
        let atlas = AtlasFixture.atlas()
        let before = shown(ZonePaint.of(atlas, variant: nil), atlas)
        var recoloured = atlas
        recoloured.roots[0].colour = "#123456"
        #expect(shown(ZonePaint.of(recoloured, variant: nil), recoloured).contains { $0.contains("#123456") })
        var moved = atlas
        moved.variants[0].claims[0].root = "S1"
        let after = shown(ZonePaint.of(moved, variant: nil), moved)
        #expect(after == shown(ZonePaint(atlas: moved, variant: nil), moved))
        #expect(after != before)
        // And the first data set again, drawn as it was.
        #expect(shown(ZonePaint.of(atlas, variant: nil), atlas) == before)
    }
}
