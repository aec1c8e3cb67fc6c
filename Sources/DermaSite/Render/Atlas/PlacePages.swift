/// "Where do you feel it?": a page per named place at /where/<place>/, saying which roots each map
/// variant gives it and where the maps differ, and the list of every place at /where/.
struct PlacePages {
    let site: Site
    let atlas: Atlas
    let pages: PageRenderer

    private var baseURL: BaseURL { site.config.baseURL }

    /// Every place, grouped by where it is on the body, each a plain link.
    func groups() -> [PlaceGroup] {
        var order: [String] = []
        var members: [String: [Place]] = [:]
        for place in atlas.places {
            if members[place.group] == nil { order.append(place.group) }
            members[place.group, default: []].append(place)
        }
        let agreement = ZonePaint.of(atlas, variant: AtlasMaps.agreementID)
        return order.map { group in
            PlaceGroup(name: group, places: members[group]!.map { place in
                PlaceGroup.Place(name: place.name, url: baseURL.sitePath(place.urlPath), says: agreement.says(of: place.id))
            })
        }
    }

    private var review: ReviewValues { ReviewValues(site.reviews.status(of: SiteReviews.dataSet)) }

    func index() -> PageSpec<PlacesBody> {
        let body = PlacesBody(locator: locatorMap(id: "where-map"), groups: groups(),
                              redFlags: site.filledRedFlags.map { RedFlagsCard.html($0) } ?? "",
                              fullCardOnTop: site.redFlags != nil, review: review)
        let values = pages.frame.values(body, kind: "places", title: "Where do you feel it?",
            description: "Choose the part of your leg, foot or saddle area where you feel numbness, tingling or pain, and see which nerve root supplies that skin.",
            sitePath: SiteLayout.places)
        return PageSpec(template: "pages/places", sitePath: SiteLayout.places, values: values)
    }

    /// The leg maps with every zone a link to its place, drawn as the maps agree.
    func locatorMap(id: String) -> String {
        var options = LegMapRenderer.Options()
        options.variant = LegMapRenderer.agreementID
        // The saddle view too, so numbness there can be pointed at as well.
        options.views = atlas.views.map(\.id)
        options.caption = "Select the place where you feel it. Colours show the root where the maps agree; cross-hatched places are where the maps differ."
        return LegMapRenderer(atlas: atlas, baseURL: baseURL).figure(options, id: id)
    }

    func page(for place: Place) -> PageSpec<PlaceBody> {
        var options = LegMapRenderer.Options()
        options.place = place.id
        options.views = atlas.views.filter { $0.zone(place.id) != nil }.map(\.id)
        options.keyPoints = false
        options.caption = "The \(place.name.lowercased()) on the \(atlas.defaultVariant?.name ?? "map")."
        let renderer = LegMapRenderer(atlas: atlas, baseURL: baseURL)
        var named = Set<String>()
        let variants = atlas.variants.map { variant in
            let coverage = atlas.coverage(of: place.id, in: variant)
            named.formUnion(coverage.allRoots)
            let claims = atlas.claims(about: place.id, in: variant).map { claim in
                PlaceBody.Claim(root: claim.root, confirmed: claim.isConfirmed,
                                rootURL: atlas.root(claim.root).map { baseURL.sitePath($0.urlPath) }, passage: claim.passage,
                                source: claim.source.flatMap(atlas.source).map(sourceText), unconfirmed: claim.unconfirmed)
            }
            return PlaceBody.Variant(name: variant.name, says: coverage.summary, claims: claims, hasClaims: !claims.isEmpty)
        }
        let agreement: String
        switch atlas.agreement(of: place.id) {
        case .agree(let roots): agreement = "The maps shown here agree: the \(place.name.lowercased()) is supplied by \(roots.joined(separator: " and "))."
        case .differ: agreement = "The maps differ here, or a claim could not be checked. Your clinician will not rely on this place alone."
        case .notSettled: agreement = "No source read for this site settles which root supplies this place."
        case .unknown: agreement = "None of the maps shown here gives this place a root."
        }
        let roots = atlas.roots.filter { named.contains($0.id) }.map { root in
            RootLink(id: root.id, area: root.areaPlain, url: baseURL.sitePath(root.urlPath))
        }
        let body = PlaceBody(
            place: PlaceBody.PlaceValues(name: place.name, clinical: place.clinical, group: place.group),
            agreement: agreement, variants: variants, roots: roots, hasRoots: !roots.isEmpty,
            map: renderer.figure(options, id: "place-map"), urgent: place.urgent, placesURL: baseURL.sitePath(SiteLayout.places),
            redFlags: site.filledRedFlags.map { RedFlagsCard.html($0) } ?? "", fullCardOnTop: place.urgent && site.redFlags != nil,
            seeAlso: place.seeAlso.map(AtlasPages(site: site, atlas: atlas, pages: pages).seeAlso),
            hasSeeAlso: !place.seeAlso.isEmpty, review: review)
        let values = pages.frame.values(body, kind: "place", title: "\(place.name): which nerve root supplies it?",
            description: "Numbness, tingling or pain in the \(place.name.lowercased()) (\(place.clinical)): which spinal nerve root supplies this skin, where the dermatome maps differ, and when to get help.",
            sitePath: place.urlPath)
        return PageSpec(template: "pages/place", sitePath: place.urlPath, values: values)
    }

    private func sourceText(_ source: Source) -> String {
        let text = [source.authors, source.title, source.publisher, source.year.map(String.init)].compactMap { $0 }
            .map { $0.hasSuffix(".") || $0.hasSuffix("?") ? String($0.dropLast()) : $0 }
        return text.joined(separator: ". ") + "."
    }
}
