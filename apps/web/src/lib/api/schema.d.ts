// Generated from the API's OpenAPI document by apps/web/scripts/api-types.mjs. Do not edit.
export interface paths {
    "/risks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The risk register: the risks the caller may see that match the filters, sorted, a page at a time; now, or as they stood at a past moment (asOf) */
        get: operations["ListRisksController_list"];
        put?: never;
        /** Identify a risk (RiskIdentified, and RiskAssessed when scored) */
        post: operations["IdentifyRiskController_identify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The risk register as CSV (RFC 4180, UTF-8), one row per risk the caller may see, with the same filters as GET /risks; cells that a spreadsheet would run as formulas start with '. The same as GET /risks/export?format=csv, under the file name risks.csv */
        get: operations["ExportRisksController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The risk register as a file, CSV or XLSX, one row per risk the caller may see, with the same filters as GET /risks. The XLSX has Swedish headers (English with lang=en), areas, levels and statuses in words, dates as dates and scores as numbers, a frozen header row with an auto filter, and a second sheet (Urval) noting when it was made and the filters */
        get: operations["ExportRisksController_exportFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 5×5 risk matrix of counts: how many of the risks the caller may see that match the filters (as GET /risks) lie in each cell, for the inherent, current and target assessments; now, or as they stood at a past moment (asOf). Rows are likelihood 1..5, columns consequence 1..5 (inherent[likelihood - 1][consequence - 1]) */
        get: operations["RiskMatrixCountsController_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed in the register between two moments, from the log: the risks the caller may see that match the filters (as they stood at the later moment) and appeared, closed, reopened or changed level. Reads the log twice: seconds on a large one. */
        get: operations["RegisterChangesController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard: counts over the open risks the caller may see that match the filters, each the total of the register list it names (GET /risks with status=OPEN, the same filters and the one the number describes) */
        get: operations["RiskOverviewController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register over time: the open risks the caller may see that match the filters, by headline level (as the register held it: the current assessment, or the inherent one while none), at the end of each of the last months, from the event log */
        get: operations["RiskTrendController_trend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One risk as the register holds it (its ETag is its version), or as it held it at a past moment (asOf, from the log) */
        get: operations["GetRiskController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the risk, in order, from the event store */
        get: operations["GetRiskHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assess (or reassess) a risk: likelihood × consequence of its inherent, current or target risk (RiskAssessed) */
        post: operations["AssessRiskController_assess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/mitigations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan a mitigation: eliminate, limit or monitor the risk (MitigationPlanned) */
        post: operations["PlanMitigationController_plan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/mitigations/{mitigationId}/applied": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a planned mitigation has been applied (MitigationApplied) */
        post: operations["ApplyMitigationController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/mitigations/{mitigationId}/started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that work on a planned mitigation has started (MitigationStarted) */
        post: operations["StartMitigationController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/mitigations/{mitigationId}/verified": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the effect an applied mitigation was seen to have at follow-up (MitigationVerified) */
        post: operations["VerifyMitigationController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/mitigations/{mitigationId}/cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a mitigation that has not been applied (MitigationCancelled) */
        post: operations["CancelMitigationController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign the risk owner, or hand the risk to another owner (RiskOwnerAssigned) */
        post: operations["AssignRiskOwnerController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/acceptances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the residual risk (RiskAccepted): the target assessment, else the current one, is frozen into the acceptance. Only a role the matrix in force allows for the level may accept (else 409 acceptance-mandate); the acceptance lapses by itself on lapsesOn. */
        post: operations["AcceptRiskController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/acceptances/{acceptanceId}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the acceptance in force before it lapses (RiskAcceptanceRevoked) */
        post: operations["RevokeRiskAcceptanceController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a review of the risk and set its next review date (RiskReviewed); clears "needs review" */
        post: operations["ReviewRiskController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/reassessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the yearly re-assessment: every open risk (of the area, if given) not yet reviewed or assessed in that year is asked for one (RiskReassessmentRequested) and needs review in the register until it is reviewed or assessed. Running it again asks no risk twice. */
        post: operations["RequestReassessmentsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a risk: it no longer applies (RiskClosed). A closed risk is not assessed, treated, accepted or reviewed until reopened. */
        post: operations["CloseRiskController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risks/{id}/reopening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed risk (RiskReopened) */
        post: operations["ReopenRiskController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident register: incidents the caller may see that match the filters, sorted, a page at a time, with their links, investigation, actions and outward reports */
        get: operations["ListIncidentsController_list"];
        put?: never;
        /** Report an incident, deficiency or near miss (IncidentReported) */
        post: operations["ReportIncidentController_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident register as CSV (RFC 4180, UTF-8), one row per incident the caller may see, with the same filters as GET /incidents; cells that a spreadsheet would run as formulas start with '. The same as GET /incidents/export?format=csv, under the file name incidents.csv */
        get: operations["ExportIncidentsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident register as a file, CSV or XLSX, one row per incident the caller may see, with the same filters as GET /incidents. The XLSX has Swedish headers (English with lang=en), areas, kinds and statuses in words, times as dates (Swedish time) and severity as a number, a frozen header row with an auto filter, and a second sheet (Urval) noting when it was made and the filters */
        get: operations["ExportIncidentsController_exportFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard: counts over the open incidents the caller may see that match the filters, each the total of the incident list it names (GET /incidents with open=true, the same filters and the one the number describes) */
        get: operations["IncidentOverviewController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/reporting-deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open reporting deadlines: the open incidents the caller may see (the same scope as GET /incidents) with a stage of an outward report still to make, the most urgent first */
        get: operations["ListReportingDeadlinesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident as the register holds it (its ETag is its version): linked risks, investigation, actions, outward reports made, required and missing, and its reporting clock (each authority, stage and deadline counted from discovery) */
        get: operations["GetIncidentController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/personal-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Say whether personal data was affected, or correct it (IncidentPersonalDataAssessed): affected, the incident owes IMY a report within 72 hours of discovery */
        post: operations["AssessPersonalDataController_assess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/risk-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link the incident to a risk it realised or revealed (IncidentLinkedToRisk); refused for a risk already linked and for a closed or dismissed incident */
        post: operations["LinkIncidentToRiskController_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/investigation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the investigation of the incident: findings and root cause (IncidentInvestigated). A later investigation supersedes an earlier one */
        post: operations["InvestigateIncidentController_investigateIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the actions decided on the investigated incident, each on a linked risk (IncidentActionsDecided). Plan the measures on the risks with POST /risks/{id}/mitigations and X-Causation-Id naming the incident */
        post: operations["DecideIncidentActionsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/outward-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a report of the incident to an authority (IncidentReportedToAuthority), e.g. a serious near miss to Arbetsmiljöverket, a care injury to IVO (lex Maria), an IT incident to MSB */
        post: operations["ReportIncidentToAuthorityController_reportIncidentToAuthority"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the incident (IncidentClosed). A serious near miss, accident or care injury must be investigated first, and a required outward report (see outwardReportsMissing) recorded first */
        post: operations["CloseIncidentController_closeIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/dismissal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss the report, e.g. a duplicate or not a security matter (IncidentDismissed) */
        post: operations["DismissIncidentController_dismissIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the incident, in order, from the event store */
        get: operations["GetIncidentHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/incidents/{id}/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened because of the incident, in log order: its own events, events that share a correlation id with the chain, and events whose causation id names the incident or an event of the chain (X-Causation-Id), followed to the end */
        get: operations["GetIncidentChainController_chain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traceability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The traceability log: who did what, when and why; oldest first, newest last. Filters combine; pages follow the after cursor. */
        get: operations["ListTraceabilityController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traceability/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The traceability log as a file, CSV or XLSX, oldest first, with the same filters as GET /traceability (at most 100,000 entries). The XLSX has Swedish headers (English with lang=en), times as dates (Swedish time), a frozen header row and a second sheet (Urval) noting when it was made and the filters */
        get: operations["ExportTraceabilityController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traceability/{position}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entry of the traceability log by its position, with the event as the store holds it: its data, metadata and the hash that chains it to the one before */
        get: operations["GetTraceabilityEventController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/traceability/{position}/followed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What followed from one event of the log: everything recorded because of it (causation), and because of that in turn, to the end; a tree by each entry’s causationId */
        get: operations["GetFollowedEventsController_followed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/case-files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an Akt (case file), the same as the CLI export writes: events.jsonl, summary.md and manifest.json for a stream (with its chain) or a time range, with the whole log verified. Answers once the events are read; follow GET /case-files/{id}, then download its zip. A case file holds restricted events too: only a cleared caller may make one. */
        post: operations["StartCaseFileController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/case-files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How far an Akt (case file) has come: the phase, steps done of all, and when done its SHA-256. Only who started it sees it; it is forgotten 30 minutes after it started. */
        get: operations["GetCaseFileController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/case-files/{id}/zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The finished Akt (case file) as a zip of events.jsonl, summary.md and manifest.json; the X-Events-Sha256 header carries the SHA-256 of events.jsonl, as the manifest does */
        get: operations["DownloadCaseFileController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seals the events appended since the last seal, then checks the whole log against its hash chains and seals: the checked range, the head hash and where the log first breaks. Reads every event: seconds on a large log. With Accept: application/x-ndjson it answers its progress a JSON line at a time ({"progress": {done, total}} in steps: each event is read, then checked against its seal) and last {"status": 200, "body": report}. */
        get: operations["GetIntegrityController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events for an open page: `change` (the risks, incidents and goals a committed read-model batch changed, only those the caller may see), `resync` (changes may have been missed: read again), `lag` (how many events the registers are behind the log, and for how many seconds), `ready` first and `ping` to keep the connection open. When the bearer token expires the stream sends `expired` and ends: open it again with a fresh token */
        get: operations["LiveController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether PostgreSQL and Kafka answer */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the system is up and current: PostgreSQL and Kafka answer, the relay backlog and the projector lag are within their limits, and no long transaction holds the relay back */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages consumers set aside, oldest first, with where they came from and why (re-drive them in this order) */
        get: operations["ListDeadLettersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters/{id}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead letter back to its original topic, byte for byte under its original key, e.g. after a consumer was upgraded to read it */
        post: operations["RedriveDeadLetterController_redrive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/asyncapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The AsyncAPI 3 document of every Kafka topic and event version */
        get: operations["AsyncApiController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/asyncapi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event contract as a page a person can read */
        get: operations["AsyncApiController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schemas/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of one event version, e.g. RiskAssessed.v1.json */
        get: operations["AsyncApiController_schema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consumer-lag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What each consumer group has yet to process, per partition */
        get: operations["MetricsController_consumerLag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: consumer lag, relay backlog, unsent reminder digests */
        get: operations["MetricsController_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The security goals, per area and year, with their fulfilment */
        get: operations["ListGoalsController_list"];
        put?: never;
        /** Set a security area's measurable goal for a year, with its indicator (SecurityGoalSet) */
        post: operations["SetGoalController_set"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/goals/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The security goals as a file, CSV or XLSX, with the same filters as GET /goals: each goal with its target, latest measurement and fulfilment. The XLSX has Swedish headers (English with lang=en), numbers and dates typed, and a second sheet (Urval) naming the filters */
        get: operations["ExportGoalsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/goals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One goal with its measurements, revisions and fulfilment (its ETag is its version) */
        get: operations["GetGoalController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/goals/{id}/measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a value of the goal's indicator (IndicatorMeasured) */
        post: operations["MeasureIndicatorController_measure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/goals/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revise a goal's target and partly-met threshold, with a reason, until its year is reported on (SecurityGoalRevised) */
        post: operations["ReviseGoalController_revise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/goals/{id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a goal: no longer measured, shown as withdrawn (SecurityGoalWithdrawn) */
        post: operations["WithdrawGoalController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/annual/{year}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The annual security report as a tagged PDF, the same as GET /reports/annual/{year} with Accept: application/pdf */
        get: operations["GetAnnualSecurityReportController_getPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/annual/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The annual security report (säkerhetsberättelse) for a year, computed from the event log: per area, goals and fulfilment, risks identified, assessed and closed, the risk profile at year end and the year before, the highest risks, incidents by kind and severity with the reports to authorities, mitigations applied, verified and overdue. As JSON, CSV, XLSX, markdown, or the document for the board (HTML, tagged PDF); a closed year gives the same report and contentHash every time */
        get: operations["GetAnnualSecurityReportController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/security-areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The security areas: the 14 built in and those the region added, retired ones flagged */
        get: operations["ListSecurityAreasController_list"];
        put?: never;
        /** Add one of the region's own security areas (SecurityAreaRegistered); 409 if the code is taken */
        post: operations["RegisterSecurityAreaController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/security-areas/{code}/responsible": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a person responsible for a security area (SecurityAreaResponsibleAssigned) */
        post: operations["AssignSecurityAreaResponsibleController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/security-areas/{code}/retirement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a security area (SecurityAreaRetired): no new risks, incidents or goals may name it; old ones keep it */
        post: operations["RetireSecurityAreaController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisational-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation as a tree: the region, its administrations and companies, departments and units (closed ones flagged) */
        get: operations["ListOrganisationalUnitsController_list"];
        put?: never;
        /** Register a unit of the organisation (OrganisationalUnitRegistered): first the region, then each unit under an open parent */
        post: operations["RegisterOrganisationalUnitController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisational-units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisational unit with everything below it */
        get: operations["GetOrganisationalUnitController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisational-units/{code}/name": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename a unit (OrganisationalUnitRenamed); its code stays */
        post: operations["RenameOrganisationalUnitController_change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisational-units/{code}/parent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a unit, with everything below it, under another open unit (OrganisationalUnitMoved); a move into its own subtree is refused */
        post: operations["MoveOrganisationalUnitController_change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisational-units/{code}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a unit (OrganisationalUnitClosed): no new risks or incidents may name it; its open units must be moved or closed first */
        post: operations["CloseOrganisationalUnitController_change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-matrices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published risk matrix version, oldest first */
        get: operations["ListRiskMatricesController_list"];
        put?: never;
        /** Publish the next risk matrix version (RiskMatrixPublished); it applies to assessments from now on, earlier versions stay as they were */
        post: operations["PublishRiskMatrixController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-matrices/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The risk matrix version in force: the latest published */
        get: operations["GetCurrentRiskMatrixController_current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-matrices/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published risk matrix version, exactly as published */
        get: operations["GetRiskMatrixController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/risk-matrices/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What publishing this matrix would change, writing nothing: the open risks whose level it would change. Publishing re-levels no risk by itself: each keeps its level and matrix version until it is next assessed, and needs review in the register until then. */
        post: operations["PreviewRiskMatrixController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reporting-obligations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reporting obligations: which incidents must be reported to which authority, in which stages, within how many hours of discovery; the four seeded and those the region added, retired ones flagged */
        get: operations["ListReportingObligationsController_list"];
        put?: never;
        /** Add one of the region's own reporting obligations (ReportingObligationRegistered); 409 if the code is taken */
        post: operations["RegisterReportingObligationController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reporting-obligations/{code}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a reporting obligation as a whole (ReportingObligationRevised): the clock of every open incident counts with it from now on; 409 if nothing changed or it is retired */
        post: operations["ReviseReportingObligationController_revise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reporting-obligations/{code}/retirement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a reporting obligation (ReportingObligationRetired): no incident owes it from now on */
        post: operations["RetireReportingObligationController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sign-in/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where and how the web console signs in (public) */
        get: operations["GetSignInConfigurationController_configuration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev-issuer/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The development issuer's OpenID configuration (AUTH_MODE=development only; else 404) */
        get: operations["DevelopmentIssuerDiscoveryController_configuration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev-issuer/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The development issuer's public signing keys (development mode only) */
        get: operations["DevelopmentIssuerDiscoveryController_jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev-issuer/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start signing in (development mode only): to the development sign-in page, or with prompt=none straight back to redirect_uri with a code (session cookie) or login_required */
        get: operations["DevelopmentIssuerAuthorizeController_authorize"];
        put?: never;
        /** Sign in as the user chosen on the development sign-in page (development mode only): the location to send the browser to, and a session cookie for silent sign-in */
        post: operations["DevelopmentIssuerAuthorizeController_signInAs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev-issuer/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a code for tokens (development mode only); errors in the OAuth form */
        post: operations["DevelopmentIssuerTokenController_exchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev-issuer/end-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign out (development mode only): ends the session cookie and returns the browser */
        get: operations["DevelopmentIssuerEndSessionController_endSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/risks/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file to fill in for POST /imports/risks: Swedish headers (English with lang=en), a note on each header and a sheet explaining the columns, and the security areas and units in use */
        get: operations["GetImportTemplateController_risks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/units/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file to fill in for POST /imports/units: Swedish headers (English with lang=en), a note on each header, a sheet explaining the columns, and the units already registered */
        get: operations["GetImportTemplateController_units"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/risks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import risks from a CSV or XLSX file (GET /imports/risks/template): each row as POST /risks would identify it, in the units and areas the caller may identify risks in. dryRun=true checks every row and appends nothing; otherwise every row is appended, in one transaction, or none. Every event carries the correlation id and, in importedFrom, the file's SHA-256 and its row. The same file imported again appends nothing. */
        post: operations["ImportsController_importRisks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the organisational tree from a CSV or XLSX file (GET /imports/units/template): each row as POST /organisational-units would register it, parents before children whatever the order of the rows. dryRun=true checks every row and appends nothing; otherwise every unit is registered, in one transaction, or none. A unit already registered as its row says is left as it is, so the same file imported again appends nothing; registered otherwise, it is a problem. */
        post: operations["ImportsController_importUnits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RiskScenarioRequest: {
            /**
             * @description Because of <cause> ...
             * @example a broken door closer
             */
            cause: string;
            /**
             * @description ... <event> happens ...
             * @example unauthorised people enter the medicine room
             */
            event: string;
            /**
             * @description ... which leads to <consequence>
             * @example theft of narcotics
             */
            consequence: string;
        };
        IdentifyRiskRequest: {
            /**
             * @description Short name of the risk
             * @example Unlocked medicine room on ward 12
             */
            title: string;
            /**
             * @description The risk in words: because of <cause>, <event> happens, which leads to <consequence>. May be left out when scenario is given; it is then written from it.
             * @example Because the door closer is broken, unauthorised people can enter, which leads to theft of narcotics.
             */
            description?: string;
            /** @description The risk in the MSB form, part by part */
            scenario?: components["schemas"]["RiskScenarioRequest"];
            /**
             * @description The threat (hot): the possible undesired event or exposure behind the risk
             * @example Theft of narcotics by visitors or staff
             */
            threat?: string;
            /**
             * @description Primary security area: the code of an area in use (the 14 standard ones or a region’s own)
             * @example PHARMACEUTICALS
             */
            area: string;
            /**
             * @description Further security areas the risk concerns
             * @example [
             *       "CRIME_PREVENTION"
             *     ]
             */
            additionalAreas?: string[];
            /**
             * @description Organisational unit the risk belongs to
             * @example Hospital North / Ward 12
             */
            unit: string;
            /**
             * @description Risk owner
             * @example ward.manager@region.se
             */
            owner?: string;
            /**
             * @description Supplier whose delivery the risk concerns
             * @example Lock & Door AB
             */
            supplier?: string;
            /**
             * @description Contract reference the risk concerns
             * @example RV-2024-113
             */
            contract?: string;
            /**
             * @description OPEN (default) or RESTRICTED: restricted risks concern protective security (säkerhetsskydd)
             * @example OPEN
             * @enum {string}
             */
            classification?: "OPEN" | "RESTRICTED";
            /**
             * @description When the risk is next to be reviewed (YYYY-MM-DD); a year from today when left out
             * @example 2027-06-30
             */
            nextReviewDate?: string;
            /**
             * @description The incident the risk was identified from; recorded as the causation of the risk’s events unless X-Causation-Id says otherwise
             * @example 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a
             */
            sourceIncidentId?: string;
            /**
             * @description Initial likelihood of the current risk, 1 (rare) to 5 (almost certain); give with consequence
             * @example 3
             */
            likelihood?: number;
            /**
             * @description Initial consequence of the current risk, 1 (negligible) to 5 (catastrophic); give with likelihood
             * @example 4
             */
            consequence?: number;
        };
        IdentifyRiskResponse: {
            /**
             * @description The id of what was created
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            id: string;
        };
        AccessRefusedResponse: {
            /**
             * @description The HTTP status
             * @example 403
             */
            statusCode: number;
            /**
             * @description The reason phrase
             * @example Forbidden
             */
            error: string;
            /**
             * @description The refusal in words (English), naming the permission and the roles
             * @example Not allowed: incidents.manage needs one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE; you hold REPORTER
             */
            message: string;
            /**
             * @description The permission the endpoint needs
             * @example incidents.manage
             */
            permission: string;
            /**
             * @description Any one of these roles would be allowed
             * @example [
             *       "SECURITY_COORDINATOR",
             *       "AREA_RESPONSIBLE"
             *     ]
             */
            requiredRoles: string[];
            /**
             * @description The roles the caller holds
             * @example [
             *       "REPORTER"
             *     ]
             */
            heldRoles: string[];
        };
        RiskScenarioResponse: {
            /**
             * @description Because of <cause> ...
             * @example a broken door closer
             */
            cause: string;
            /**
             * @description ... <event> happens ...
             * @example unauthorised people enter
             */
            event: string;
            /**
             * @description ... which leads to <consequence>
             * @example theft of narcotics
             */
            consequence: string;
        };
        RegisterAssessmentResponse: {
            /**
             * @description Likelihood, 1 to 5
             * @example 3
             */
            likelihood: number;
            /**
             * @description Consequence, 1 to 5
             * @example 4
             */
            consequence: number;
            /**
             * @description likelihood × consequence
             * @example 12
             */
            score: number;
            /**
             * @description Level in the matrix version used
             * @example HIGH
             * @enum {string}
             */
            level: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
            /**
             * @description Risk matrix version used
             * @example 1
             */
            matrixVersion: number;
            /**
             * @description When it was assessed
             * @example 2026-11-23T09:00:00.000Z
             */
            assessedAt: string;
            /**
             * @description Who assessed it
             * @example anna.berg@region.se
             */
            assessedBy: string;
            /**
             * @description Why it was scored so
             * @example Door closer broken
             */
            reason?: Record<string, never> | null;
            /**
             * @description Warnings given when it was recorded
             * @example []
             */
            warnings: string[];
        };
        RegisterAssessmentsResponse: {
            /** @description Before any treatment */
            inherent?: components["schemas"]["RegisterAssessmentResponse"] | null;
            /** @description As it stands today */
            current?: components["schemas"]["RegisterAssessmentResponse"] | null;
            /** @description Target (residual) risk after the planned treatment */
            target?: components["schemas"]["RegisterAssessmentResponse"] | null;
        };
        ScorePointResponse: {
            /**
             * @description When it was assessed
             * @example 2026-11-23T09:00:00.000Z
             */
            at: string;
            /**
             * @description The basis assessed
             * @example CURRENT
             * @enum {string}
             */
            basis: "INHERENT" | "CURRENT" | "TARGET";
            /**
             * @description Likelihood
             * @example 3
             */
            likelihood: number;
            /**
             * @description Consequence
             * @example 4
             */
            consequence: number;
            /**
             * @description likelihood × consequence
             * @example 12
             */
            score: number;
            /**
             * @description Level
             * @example HIGH
             * @enum {string}
             */
            level: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
            /**
             * @description Risk matrix version
             * @example 1
             */
            matrixVersion: number;
        };
        RegisterMitigationResponse: {
            /**
             * @description The mitigation
             * @example 5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f
             */
            mitigationId: string;
            /**
             * @description What will be done
             * @example Replace the door closer and add card access
             */
            title: string;
            /**
             * @description Eliminates, limits or monitors the risk
             * @example LIMIT
             * @enum {string}
             */
            kind: "ELIMINATE" | "LIMIT" | "MONITOR";
            /**
             * @description Who carries it out
             * @example facilities@region.se
             */
            owner?: Record<string, never> | null;
            /**
             * @description Due date
             * @example 2026-12-31
             */
            dueDate?: Record<string, never> | null;
            /**
             * @description Expected effect on the risk
             * @example Only staff can enter
             */
            expectedEffect?: Record<string, never> | null;
            /**
             * @description Supplier carrying it out
             * @example Lock & Door AB
             */
            supplier?: Record<string, never> | null;
            /**
             * @description Where the mitigation stands
             * @example PLANNED
             * @enum {string}
             */
            status: "PLANNED" | "IN_PROGRESS" | "APPLIED" | "VERIFIED" | "CANCELLED";
            /**
             * @description When it was planned
             * @example 2026-11-23T09:00:00.000Z
             */
            plannedAt: string;
            /**
             * @description When work started
             * @example null
             */
            startedAt?: Record<string, never> | null;
            /**
             * @description When it was applied
             * @example null
             */
            appliedAt?: Record<string, never> | null;
            /**
             * @description What was done, noted when applied
             * @example null
             */
            note?: Record<string, never> | null;
            /**
             * @description When its effect was verified
             * @example null
             */
            verifiedAt?: Record<string, never> | null;
            /**
             * @description The effect seen at follow-up
             * @example null
             */
            effect?: Record<string, never> | null;
            /**
             * @description When it was cancelled
             * @example null
             */
            cancelledAt?: Record<string, never> | null;
            /**
             * @description Why it was cancelled
             * @example null
             */
            cancellationReason?: Record<string, never> | null;
        };
        AcceptedAssessmentResponse: {
            /**
             * @description The basis accepted
             * @example TARGET
             * @enum {string}
             */
            basis: "INHERENT" | "CURRENT" | "TARGET";
            /**
             * @description Likelihood, 1 to 5
             * @example 2
             */
            likelihood: number;
            /**
             * @description Consequence, 1 to 5
             * @example 4
             */
            consequence: number;
            /**
             * @description likelihood × consequence
             * @example 8
             */
            score: number;
            /**
             * @description Level
             * @example MEDIUM
             * @enum {string}
             */
            level: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
            /**
             * @description Risk matrix version
             * @example 1
             */
            matrixVersion: number;
        };
        RegisterAcceptanceResponse: {
            /**
             * @description The acceptance
             * @example 7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5
             */
            acceptanceId: string;
            /**
             * @description Why the risk was accepted
             * @example Further treatment is not proportionate
             */
            justification: string;
            /**
             * @description Who accepted it
             * @example head.of.care@region.se
             */
            acceptedBy: string;
            /**
             * @description The role they accepted in
             * @example AREA_RESPONSIBLE
             */
            acceptedByRole: string;
            /**
             * @description When
             * @example 2026-11-23T09:00:00.000Z
             */
            acceptedAt: string;
            /** @description The assessment accepted, frozen */
            residual: components["schemas"]["AcceptedAssessmentResponse"];
            /**
             * @description The day it lapses unless renewed
             * @example 2027-06-30
             */
            lapsesOn: string;
            /**
             * @description IN_FORCE, or how it ended
             * @example IN_FORCE
             * @enum {string}
             */
            status: "IN_FORCE" | "REVOKED" | "LAPSED" | "REPLACED";
            /**
             * @description When it ended
             * @example null
             */
            endedAt?: Record<string, never> | null;
            /**
             * @description Why it was revoked
             * @example null
             */
            revocationReason?: Record<string, never> | null;
        };
        LinkedIncidentResponse: {
            /**
             * @description The incident
             * @example 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a
             */
            incidentId: string;
            /**
             * @description REALISED: the risk happened; REVEALED: the incident showed the risk exists
             * @example REALISED
             * @enum {string}
             */
            relation: "REALISED" | "REVEALED";
            /**
             * @description When it was linked
             * @example 2026-11-23T09:00:00.000Z
             */
            linkedAt: string;
        };
        RiskRegisterEntryResponse: {
            /**
             * @description The risk
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            riskId: string;
            /**
             * @description Short name
             * @example Unlocked medicine room on ward 12
             */
            title: string;
            /**
             * @description The risk in words
             * @example Because the door closer is broken, ...
             */
            description: string;
            /** @description The MSB form, part by part */
            scenario?: components["schemas"]["RiskScenarioResponse"] | null;
            /**
             * @description The threat behind the risk
             * @example Theft
             */
            threat?: Record<string, never> | null;
            /**
             * @description Primary security area
             * @example PHARMACEUTICALS
             */
            area: string;
            /**
             * @description Further security areas
             * @example [
             *       "CRIME_PREVENTION"
             *     ]
             */
            additionalAreas: string[];
            /**
             * @description Organisational unit
             * @example Hospital North / Ward 12
             */
            unit: string;
            /**
             * @description Risk owner
             * @example ward.manager@region.se
             */
            owner?: Record<string, never> | null;
            /**
             * @description Supplier concerned
             * @example null
             */
            supplier?: Record<string, never> | null;
            /**
             * @description Contract concerned
             * @example null
             */
            contract?: Record<string, never> | null;
            /**
             * @description Who may see it
             * @example OPEN
             * @enum {string}
             */
            classification: "OPEN" | "RESTRICTED";
            /**
             * @description Incident it was identified from
             * @example null
             */
            sourceIncidentId?: Record<string, never> | null;
            /**
             * @description OPEN or CLOSED
             * @example OPEN
             * @enum {string}
             */
            status: "OPEN" | "CLOSED";
            /**
             * @description When it was closed
             * @example null
             */
            closedAt?: Record<string, never> | null;
            /**
             * @description Why it was closed
             * @example null
             */
            closedReason?: Record<string, never> | null;
            /**
             * @description Headline likelihood: of the current assessment, else the inherent one
             * @example 3
             */
            likelihood?: Record<string, never> | null;
            /**
             * @description Headline consequence (as likelihood)
             * @example 4
             */
            consequence?: Record<string, never> | null;
            /**
             * @description Headline likelihood × consequence
             * @example 12
             */
            score?: Record<string, never> | null;
            /**
             * @description Headline level
             * @example HIGH
             * @enum {string|null}
             */
            level?: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH" | null;
            /**
             * @description Risk matrix version of the headline level
             * @example 1
             */
            matrixVersion?: Record<string, never> | null;
            /**
             * @description When the headline assessment was made
             * @example 2026-11-23T09:00:00.000Z
             */
            assessedAt?: Record<string, never> | null;
            /** @description The latest assessment of each basis */
            assessments: components["schemas"]["RegisterAssessmentsResponse"];
            /** @description Every assessment over time, oldest first */
            scoreHistory: components["schemas"]["ScorePointResponse"][];
            /** @description Its mitigations, in the order planned */
            mitigations: components["schemas"]["RegisterMitigationResponse"][];
            /** @description The acceptance in force */
            acceptance?: components["schemas"]["RegisterAcceptanceResponse"] | null;
            /** @description Acceptances no longer in force */
            pastAcceptances: components["schemas"]["RegisterAcceptanceResponse"][];
            /**
             * @description When it is next to be reviewed
             * @example 2027-11-23
             */
            nextReviewDate?: Record<string, never> | null;
            /**
             * @description When it was last reviewed
             * @example null
             */
            lastReviewedAt?: Record<string, never> | null;
            /** @description Incidents that realised or revealed it */
            linkedIncidents: components["schemas"]["LinkedIncidentResponse"][];
            /**
             * @description Incidents linked since the last review or assessment, in words
             * @example []
             */
            reviewReasons: string[];
            /**
             * @description The next review date has passed (open risks)
             * @example false
             */
            reviewOverdue: boolean;
            /**
             * @description A planned or started mitigation is past due (open risks)
             * @example false
             */
            mitigationOverdue: boolean;
            /**
             * @description An incident was linked since the last review or assessment, or the headline assessment used an older matrix version
             * @example false
             */
            needsReview: boolean;
            /**
             * @description Why it needs review
             * @example []
             */
            needsReviewBecause: string[];
            /**
             * @description When it was identified
             * @example 2026-11-23T09:00:00.000Z
             */
            identifiedAt: string;
            /**
             * @description Who identified it
             * @example anna.berg@region.se
             */
            identifiedBy: string;
            /**
             * @description When the risk last changed
             * @example 2026-11-23T09:05:00.000Z
             */
            updatedAt: string;
            /**
             * @description Who changed it last
             * @example anna.berg@region.se
             */
            updatedBy: string;
            /**
             * @description Version of the risk this entry reflects; send it as If-Match
             * @example 3
             */
            version: number;
        };
        RiskRegisterPageResponse: {
            /** @description This page */
            items: components["schemas"]["RiskRegisterEntryResponse"][];
            /**
             * @description Risks matching the filter that the caller may see, on all pages
             * @example 87
             */
            total: number;
            /**
             * @description Page size asked for
             * @example 50
             */
            limit: number;
            /**
             * @description Risks skipped before this page
             * @example 0
             */
            offset: number;
        };
        RiskMatrixCountsResponse: {
            /**
             * @description How many risks by their inherent assessment (before any mitigation) lie in each cell; rows are likelihood 1 to 5 and columns consequence 1 to 5: [likelihood - 1][consequence - 1]
             * @example [
             *       [
             *         0,
             *         1,
             *         0,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         2,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         3,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         1,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         0,
             *         1
             *       ]
             *     ]
             */
            inherent: number[][];
            /**
             * @description How many risks by their headline assessment: the current one, or the inherent one while no current assessment exists lie in each cell; rows are likelihood 1 to 5 and columns consequence 1 to 5: [likelihood - 1][consequence - 1]
             * @example [
             *       [
             *         0,
             *         1,
             *         0,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         2,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         3,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         1,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         0,
             *         1
             *       ]
             *     ]
             */
            current: number[][];
            /**
             * @description How many risks by their target (residual) assessment lie in each cell; rows are likelihood 1 to 5 and columns consequence 1 to 5: [likelihood - 1][consequence - 1]
             * @example [
             *       [
             *         0,
             *         1,
             *         0,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         2,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         3,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         1,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         0,
             *         1
             *       ]
             *     ]
             */
            target: number[][];
            /**
             * @description Risks matching the filter that the caller may see, assessed or not (a basis not yet assessed is in no cell of its matrix)
             * @example 9
             */
            total: number;
        };
        RiskStandingResponse: {
            /**
             * @description Open or closed
             * @example OPEN
             * @enum {string}
             */
            status: "OPEN" | "CLOSED";
            /**
             * @description The headline level (none while not assessed)
             * @example HIGH
             * @enum {string|null}
             */
            level?: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH" | null;
        };
        RegisterChangeResponse: {
            /**
             * @description The risk
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            riskId: string;
            /**
             * @description Its title at the later moment
             * @example Olåst läkemedelsrum
             */
            title: string;
            /**
             * @description Its security area
             * @example PHARMACEUTICALS
             */
            area: string;
            /**
             * @description Its organisational unit
             * @example WARD12
             */
            unit: string;
            /** @description How it stood at the earlier moment; null when it was not yet identified */
            before?: components["schemas"]["RiskStandingResponse"] | null;
            /** @description How it stood at the later moment */
            after: components["schemas"]["RiskStandingResponse"];
        };
        RegisterChangesResponse: {
            /**
             * @description The earlier moment
             * @example 2026-11-01T00:00:00.000Z
             */
            from: string;
            /**
             * @description The later moment (now, when a later one was asked)
             * @example 2026-12-01T00:00:00.000Z
             */
            to: string;
            /** @description Identified between the two */
            appeared: components["schemas"]["RegisterChangeResponse"][];
            /** @description Open at the first, closed at the second */
            closed: components["schemas"]["RegisterChangeResponse"][];
            /** @description Closed at the first, open at the second */
            reopened: components["schemas"]["RegisterChangeResponse"][];
            /** @description Open at both, at another headline level */
            levelChanged: components["schemas"]["RegisterChangeResponse"][];
        };
        LevelCountsResponse: {
            /**
             * @description Open risks at LOW: GET /risks?status=OPEN plus the request's filters&level=LOW
             * @example 12
             */
            LOW: number;
            /**
             * @description Open risks at MEDIUM: GET /risks?status=OPEN plus the request's filters&level=MEDIUM
             * @example 30
             */
            MEDIUM: number;
            /**
             * @description Open risks at HIGH: GET /risks?status=OPEN plus the request's filters&level=HIGH
             * @example 8
             */
            HIGH: number;
            /**
             * @description Open risks at VERY_HIGH: GET /risks?status=OPEN plus the request's filters&level=VERY_HIGH
             * @example 2
             */
            VERY_HIGH: number;
        };
        AreaLevelCountsResponse: {
            /**
             * @description Open risks at LOW: GET /risks?status=OPEN plus the request's filters&level=LOW
             * @example 12
             */
            LOW: number;
            /**
             * @description Open risks at MEDIUM: GET /risks?status=OPEN plus the request's filters&level=MEDIUM
             * @example 30
             */
            MEDIUM: number;
            /**
             * @description Open risks at HIGH: GET /risks?status=OPEN plus the request's filters&level=HIGH
             * @example 8
             */
            HIGH: number;
            /**
             * @description Open risks at VERY_HIGH: GET /risks?status=OPEN plus the request's filters&level=VERY_HIGH
             * @example 2
             */
            VERY_HIGH: number;
            /**
             * @description The security area; a risk counts under its primary and each additional area, as GET /risks?area= finds it (add &area= to each level's query)
             * @example PHARMACEUTICALS
             */
            area: string;
            /**
             * @description Open risks in the area, assessed or not: GET /risks?status=OPEN plus the request's filters&area=<area>
             * @example 14
             */
            total: number;
        };
        ReviewCountsResponse: {
            /**
             * @description Open risks whose next review date has passed: GET /risks?status=OPEN plus the request's filters&reviewOverdue=true
             * @example 3
             */
            overdue: number;
            /**
             * @description Open risks due for review from today up to and including horizon (not yet overdue): GET /risks?status=OPEN plus the request's filters&reviewOverdue=false&reviewDueBefore=<horizon>
             * @example 5
             */
            dueWithin30Days: number;
        };
        AcceptanceCountsResponse: {
            /**
             * @description Open risks with an acceptance in force that lapses on or before horizon (also one whose date has passed and that the daily sweep has yet to end): GET /risks?status=OPEN plus the request's filters&acceptanceLapsesBefore=<horizon>
             * @example 1
             */
            lapsingWithin30Days: number;
        };
        MitigationCountsResponse: {
            /**
             * @description Open risks with a planned or started mitigation past its due date (risks, not mitigations): GET /risks?status=OPEN plus the request's filters&mitigationOverdue=true
             * @example 4
             */
            overdue: number;
        };
        RiskOverviewResponse: {
            /**
             * @description When the numbers were read
             * @example 2026-12-05T08:00:00.000Z
             */
            asOf: string;
            /**
             * @description The calendar day in Sweden the numbers are judged on (overdue is before it)
             * @example 2026-12-05
             */
            today: string;
            /**
             * @description today + 30 days: the day the "within 30 days" numbers look up to, inclusive
             * @example 2027-01-04
             */
            horizon: string;
            /**
             * @description Open risks, assessed or not: GET /risks?status=OPEN plus the request's filters
             * @example 52
             */
            open: number;
            /** @description Open risks by headline level */
            byLevel: components["schemas"]["LevelCountsResponse"];
            /** @description Open risks by security area and level, areas with open risks only, by code (with an area filter: that area only) */
            byAreaAndLevel: components["schemas"]["AreaLevelCountsResponse"][];
            /** @description Reviews overdue and coming due */
            reviews: components["schemas"]["ReviewCountsResponse"];
            /** @description Acceptances coming to lapse */
            acceptances: components["schemas"]["AcceptanceCountsResponse"];
            /** @description Mitigations past their due date */
            mitigations: components["schemas"]["MitigationCountsResponse"];
            /**
             * @description Open risks that need review (an incident linked since the last review or assessment, a yearly re-assessment asked for, or assessed with an older matrix): GET /risks?status=OPEN plus the request's filters&needsReview=true
             * @example 6
             */
            needsReview: number;
        };
        RiskTrendMonthResponse: {
            /**
             * @description The month (in Sweden), YYYY-MM
             * @example 2025-01
             */
            month: string;
            /**
             * @description Open risks at LOW at the end of the month
             * @example 12
             */
            LOW: number;
            /**
             * @description Open risks at MEDIUM at the end of the month
             * @example 30
             */
            MEDIUM: number;
            /**
             * @description Open risks at HIGH at the end of the month
             * @example 8
             */
            HIGH: number;
            /**
             * @description Open risks at VERY_HIGH at the end of the month
             * @example 2
             */
            VERY_HIGH: number;
            /**
             * @description Open risks at the end of the month, assessed or not (so at least the sum of the levels)
             * @example 53
             */
            open: number;
        };
        RiskTrendResponse: {
            /** @description Oldest first; each month as the register stood at its end (the running month: now), computed from the event log */
            months: components["schemas"]["RiskTrendMonthResponse"][];
        };
        ImportedFromResponse: {
            /**
             * @description SHA-256 of the imported file, as the import answered it
             * @example 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b
             */
            fileSha256: string;
            /**
             * @description The row of the file (the header is row 1)
             * @example 2
             */
            row: number;
        };
        HistoryEntryResponse: {
            /**
             * @description The global position in the event store (the order of the log)
             * @example 1042
             */
            position: number;
            /**
             * @description When the store recorded it
             * @example 2026-11-23T09:05:00.000Z
             */
            recordedAt: string;
            /**
             * @description Who caused the event: the signed-in caller's subject
             * @example anna.berg@region.se
             */
            actor: string;
            /**
             * @description The actor's display name when the event was recorded (null before sign-in)
             * @example Anna Berg
             */
            actorName?: Record<string, never> | null;
            /**
             * @description Why, in the actor's words, when a reason was given
             * @example Yearly review
             */
            reason?: Record<string, never> | null;
            /**
             * @description Groups the events of one flow or case (X-Correlation-Id)
             * @example 7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70
             */
            correlationId: string;
            /**
             * @description The request, event or record that caused it (X-Causation-Id), when there is one
             * @example 9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d
             */
            causationId?: Record<string, never> | null;
            /**
             * @description The event in one sentence, for readers who do not know its schema
             * @example Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)
             */
            summary: string;
            /**
             * @description The event data, as its published schema version describes it
             * @example {
             *       "likelihood": 2,
             *       "consequence": 4,
             *       "score": 8,
             *       "level": "MEDIUM",
             *       "matrixVersion": 1
             *     }
             */
            data: Record<string, never>;
            /**
             * @description Version of the stream after this event
             * @example 2
             */
            version: number;
            /**
             * @description The event type, e.g. RiskAssessed
             * @example RiskAssessed
             */
            type: string;
            /**
             * @description The version of the event type's data schema
             * @example 1
             */
            schemaVersion: number;
            /**
             * @description SHA-256 chaining the event to the one before it in its stream, set when it was appended (see GET /integrity)
             * @example 9f2c4e0a51b7d3e8c6a4f1b2d9e0c7a8b5f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9
             */
            hash: string;
            /** @description For an event a bulk import appended: the SHA-256 of the imported file and its row (the header is row 1); null otherwise */
            importedFrom?: components["schemas"]["ImportedFromResponse"] | null;
        };
        AssessRiskRequest: {
            /**
             * @description What is scored: INHERENT (before any treatment), CURRENT (as it stands today; the default) or TARGET (the residual risk once the planned treatment is done)
             * @example CURRENT
             * @enum {string}
             */
            basis?: "INHERENT" | "CURRENT" | "TARGET";
            /**
             * @description Likelihood, 1 (rare) to 5 (almost certain)
             * @example 2
             */
            likelihood: number;
            /**
             * @description Consequence, 1 (negligible) to 5 (catastrophic)
             * @example 4
             */
            consequence: number;
            /**
             * @description Why the risk is scored this way
             * @example New door closer fitted; access log shows no entries after hours
             */
            reason?: string;
        };
        AssessRiskResponse: {
            /**
             * @description The risk's version after the change (use it in If-Match)
             * @example 3
             */
            version: number;
            /**
             * @description Inconsistencies worth a second look, also recorded in the event: a target above the current risk, or a current risk above the inherent one
             * @example [
             *       "the target (residual) risk, score 12, is above the current risk, score 8"
             *     ]
             */
            warnings: string[];
        };
        PlanMitigationRequest: {
            /**
             * @description What will be done
             * @example Replace the door closer and add card access
             */
            title: string;
            /**
             * @description Whether the measure eliminates, limits or monitors the risk
             * @example LIMIT
             * @enum {string}
             */
            kind: "ELIMINATE" | "LIMIT" | "MONITOR";
            /**
             * @description Who carries the measure out
             * @example facilities@region.se
             */
            owner?: string;
            /**
             * @description Due date (YYYY-MM-DD)
             * @example 2026-12-31
             */
            dueDate?: string;
            /**
             * @description The effect the measure is expected to have on the risk
             * @example Only staff with a card can enter; likelihood down from 4 to 2
             */
            expectedEffect?: string;
            /**
             * @description Supplier that carries the measure out, if any
             * @example Lock & Door AB
             */
            supplier?: string;
        };
        PlanMitigationResponse: {
            /**
             * @description The id of the planned mitigation
             * @example 5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f
             */
            mitigationId: string;
            /**
             * @description The stream's version after the change (use it in If-Match)
             * @example 3
             */
            version: number;
        };
        ApplyMitigationRequest: {
            /**
             * @description What was done
             * @example Card reader installed 2026-11-20
             */
            note?: string;
        };
        VersionResponse: {
            /**
             * @description The risk's version after the change (use it in If-Match)
             * @example 3
             */
            version: number;
        };
        StartMitigationRequest: Record<string, never>;
        VerifyMitigationRequest: {
            /**
             * @description The effect seen
             * @example No entries after hours in the access log since March
             */
            effect: string;
        };
        CancelMitigationRequest: {
            /**
             * @description Why it is cancelled
             * @example The ward moves to the new building in May
             */
            reason: string;
        };
        AssignRiskOwnerRequest: {
            /**
             * @description The new risk owner
             * @example erik.lund@region.se
             */
            owner: string;
        };
        AcceptRiskRequest: {
            /**
             * @description Why the residual risk is accepted rather than treated further
             * @example Card access and the door alarm bring the risk down to medium; more is not proportionate
             */
            justification: string;
            /**
             * @description The day the acceptance lapses unless renewed (YYYY-MM-DD): from today up to as many days ahead as the risk matrix allows for the level (e.g. 365 for medium, 180 for high)
             * @example 2027-06-30
             */
            lapsesOn: string;
        };
        AcceptRiskResponse: {
            /**
             * @description The id of the acceptance, for revoking it
             * @example 7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5
             */
            acceptanceId: string;
            /**
             * @description The risk's version after the change
             * @example 6
             */
            version: number;
        };
        RevokeRiskAcceptanceRequest: {
            /**
             * @description Why the acceptance no longer holds
             * @example The card reader has failed twice this month
             */
            reason: string;
        };
        ReviewRiskRequest: {
            /**
             * @description What the review found
             * @example Card access works; no entries after hours. Risk still relevant.
             */
            notes: string;
            /**
             * @description When the risk is next to be reviewed (YYYY-MM-DD), after today
             * @example 2027-11-30
             */
            nextReviewDate: string;
        };
        RequestReassessmentsRequest: {
            /**
             * @description The year whose re-assessment starts: last year, this year or the next
             * @example 2027
             */
            year: number;
            /**
             * @description Only the risks of this security area (their primary area); all when left out
             * @example PHARMACEUTICALS
             */
            area?: string;
        };
        RequestReassessmentsResponse: {
            /**
             * @description The year whose re-assessment was started
             * @example 2027
             */
            year: number;
            /**
             * @description Open risks now asked for a re-assessment (RiskReassessmentRequested each)
             * @example 12
             */
            requested: number;
            /**
             * @description Open risks left alone: already reviewed or assessed in that year, already asked, or closed meanwhile
             * @example 3
             */
            skipped: number;
        };
        CloseRiskRequest: {
            /**
             * @description Why the risk no longer applies
             * @example The medicine room was converted to an office
             */
            reason: string;
        };
        ReopenRiskRequest: {
            /**
             * @description Why the risk applies again
             * @example The room is used for medicines again
             */
            reason: string;
        };
        ReportIncidentRequest: {
            /**
             * @description What happened, in short
             * @example Narcotics cabinet found open
             */
            title: string;
            /**
             * @description What happened, what was affected, what was done at once
             * @example Night staff found the cabinet open at 03:10; nothing missing after count.
             */
            description: string;
            /**
             * @description Kind of report. A serious near miss must also be reported to the Work Environment Authority at once; a care injury to IVO; an IT incident to MSB.
             * @example DEVIATION
             * @enum {string}
             */
            kind: "DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT";
            /**
             * @description Severity on the consequence scale, 1 (negligible) to 5 (catastrophic)
             * @example 3
             */
            severity?: number;
            /**
             * @description What was done at once
             * @example Cabinet locked; pharmacy informed; narcotics counted
             */
            immediateActions?: string;
            /**
             * @description Code of a security area in use: the 14 of the security report or one the region added (GET /security-areas)
             * @example PHARMACEUTICALS
             */
            area: string;
            /**
             * @description The organisational unit it happened in; once the region has registered its units, one of them (open)
             * @example Hospital North / Ward 12
             */
            unit: string;
            /**
             * @description When it happened (ISO 8601 with time zone)
             * @example 2026-11-22T03:10:00+01:00
             */
            occurredAt: string;
            /**
             * @description When it was discovered (ISO 8601 with time zone): reporting deadlines to authorities count from it. Not before it occurred; left out: now
             * @example 2026-11-22T03:40:00+01:00
             */
            discoveredAt?: string;
            /**
             * @description Whether personal data was affected: then it is a personal data breach that IMY must hear of within 72 hours of discovery. Left out: not said (it can be said later)
             * @example false
             */
            personalDataAffected?: boolean;
            /**
             * @description Risks this incident realised or revealed
             * @example [
             *       "0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10"
             *     ]
             */
            riskIds?: string[];
        };
        ReportIncidentResponse: {
            /**
             * @description The id of what was created
             * @example 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a
             */
            id: string;
        };
        LinkedRiskResponse: {
            /**
             * @description The linked risk
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            riskId: string;
            /**
             * @description REALISED: the incident is the risk happening; REVEALED: it showed that the risk exists; IDENTIFIED_FROM: the risk was identified from the incident; null: named at report, relation not yet stated
             * @example REALISED
             * @enum {string|null}
             */
            relation?: "REALISED" | "REVEALED" | "IDENTIFIED_FROM" | null;
            /**
             * @description When the link was recorded
             * @example 2026-11-22T08:00:00.000Z
             */
            linkedAt: string;
            /**
             * @description Who recorded the link
             * @example anna.berg@region.se
             */
            linkedBy: string;
        };
        DecidedActionResponse: {
            /**
             * @description The linked risk the action treats
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            riskId: string;
            /**
             * @description What is to be done
             * @example Replace the door closer
             */
            description: string;
            /**
             * @description The mitigation planned on the risk for it, if named
             * @example 5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f
             */
            mitigationId?: Record<string, never> | null;
            /**
             * @description When it was decided
             * @example 2026-11-25T13:00:00.000Z
             */
            decidedAt: string;
            /**
             * @description Who recorded the decision
             * @example ward.manager@region.se
             */
            decidedBy: string;
        };
        OutwardReportResponse: {
            /**
             * @description Reported to
             * @example IVO
             * @enum {string}
             */
            authority: "ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER";
            /**
             * @description The authority's case number
             * @example IVO 3.1-12345/2026
             */
            reference: string;
            /**
             * @description When the report was made
             * @example 2026-11-22T09:15:00.000Z
             */
            reportedAt: string;
            /**
             * @description When it was recorded here
             * @example 2026-11-22T09:20:00.000Z
             */
            recordedAt: string;
            /**
             * @description Who recorded it
             * @example patient.safety@region.se
             */
            recordedBy: string;
        };
        IncidentRegisterEntryResponse: {
            /**
             * @description The incident
             * @example 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a
             */
            incidentId: string;
            /**
             * @description What happened, in short
             * @example Medicine room found open
             */
            title: string;
            /**
             * @description What happened
             * @example Found open at 03:10; nothing missing.
             */
            description: string;
            /**
             * @description Kind of report; null for reports made before kinds were recorded
             * @example DEVIATION
             * @enum {string|null}
             */
            kind?: "DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT" | null;
            /**
             * @description Security area code
             * @example PHARMACEUTICALS
             */
            area: string;
            /**
             * @description Organisational unit
             * @example Hospital North / Ward 12
             */
            unit: string;
            /**
             * @description When it happened
             * @example 2026-11-22T02:10:00.000Z
             */
            occurredAt: string;
            /**
             * @description When it was discovered, which reporting deadlines count from (for reports made before it was asked: when the report was recorded)
             * @example 2026-11-22T03:10:00.000Z
             */
            discoveredAt: string;
            /**
             * @description Whether personal data was affected (then IMY must hear of it); null: not said
             * @example null
             */
            personalDataAffected: boolean | null;
            /**
             * @description On the consequence scale, 1 (negligible) to 5 (catastrophic)
             * @example 3
             */
            severity?: Record<string, never> | null;
            /**
             * @description What was done at once
             * @example Room locked, pharmacy informed
             */
            immediateActions?: Record<string, never> | null;
            /**
             * @description Where the handling stands; CLOSED and DISMISSED are final
             * @example INVESTIGATED
             * @enum {string}
             */
            status: "REPORTED" | "INVESTIGATED" | "ACTIONS_DECIDED" | "CLOSED" | "DISMISSED";
            /**
             * @description When it was reported
             * @example 2026-11-22T07:00:00.000Z
             */
            reportedAt: string;
            /**
             * @description Who reported it
             * @example night.nurse@region.se
             */
            reportedBy: string;
            /** @description Risks it bears on */
            linkedRisks: components["schemas"]["LinkedRiskResponse"][];
            /**
             * @description What the (latest) investigation found
             * @example The door closer had been broken for two weeks.
             */
            findings?: Record<string, never> | null;
            /**
             * @description Why it happened
             * @example No routine for reporting door faults
             */
            rootCause?: Record<string, never> | null;
            /**
             * @description When investigated
             * @example null
             */
            investigatedAt?: Record<string, never> | null;
            /**
             * @description Who recorded it
             * @example null
             */
            investigatedBy?: Record<string, never> | null;
            /** @description Actions decided */
            actions: components["schemas"]["DecidedActionResponse"][];
            /** @description Reports made outward */
            outwardReports: components["schemas"]["OutwardReportResponse"][];
            /**
             * @description Authorities this kind of incident must be reported to
             * @example [
             *       "IVO"
             *     ]
             */
            outwardReportsRequired: ("ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER")[];
            /**
             * @description Required authorities not yet reported to; the incident cannot close until empty
             * @example [
             *       "IVO"
             *     ]
             */
            outwardReportsMissing: ("ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER")[];
            /**
             * @description When closed
             * @example null
             */
            closedAt?: Record<string, never> | null;
            /**
             * @description Who closed it
             * @example null
             */
            closedBy?: Record<string, never> | null;
            /**
             * @description How it was handled
             * @example null
             */
            closingSummary?: Record<string, never> | null;
            /**
             * @description When dismissed
             * @example null
             */
            dismissedAt?: Record<string, never> | null;
            /**
             * @description Who dismissed it
             * @example null
             */
            dismissedBy?: Record<string, never> | null;
            /**
             * @description Why dismissed
             * @example null
             */
            dismissalReason?: Record<string, never> | null;
            /**
             * @description Last change
             * @example 2026-11-25T13:00:00.000Z
             */
            updatedAt: string;
            /**
             * @description Who made the last change
             * @example ward.manager@region.se
             */
            updatedBy: string;
            /**
             * @description Version of the incident this entry reflects; send it as If-Match
             * @example 4
             */
            version: number;
        };
        IncidentRegisterPageResponse: {
            /** @description This page */
            items: components["schemas"]["IncidentRegisterEntryResponse"][];
            /**
             * @description Incidents matching the filter, on all pages
             * @example 132
             */
            total: number;
            /**
             * @description Page size asked for
             * @example 50
             */
            limit: number;
            /**
             * @description Incidents skipped before this page
             * @example 0
             */
            offset: number;
        };
        IncidentKindCountResponse: {
            /**
             * @description The kind; null for incidents reported before kinds were recorded (no list filter finds those alone)
             * @example DEVIATION
             * @enum {string|null}
             */
            kind: "DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT" | null;
            /**
             * @description Open incidents of the kind: GET /incidents?open=true plus the request's filters&kind=<kind>
             * @example 4
             */
            count: number;
        };
        IncidentOverviewResponse: {
            /** @description Open incidents by kind, kinds with open incidents only, by kind */
            openByKind: components["schemas"]["IncidentKindCountResponse"][];
            /**
             * @description Open incidents (neither CLOSED nor DISMISSED): GET /incidents?open=true plus the request's filters
             * @example 9
             */
            open: number;
            /**
             * @description Open incidents with an outward report (to an authority) required and not yet made: GET /incidents?open=true plus the request's filters&outwardReportsMissing=true
             * @example 1
             */
            outwardReportsMissing: number;
        };
        ReportingStageClockResponse: {
            /**
             * @description The stage in Swedish
             * @example Tidig varning
             */
            sv: string;
            /**
             * @description The stage in English
             * @example Early warning
             */
            en: string;
            /**
             * @description Hours from discovery; null: without delay (utan dröjsmål)
             * @example 24
             */
            withinHours: number | null;
            /**
             * @description The deadline; for "without delay", the moment of discovery
             * @example 2026-11-23T03:10:00.000Z
             */
            deadline: string;
            /**
             * @description MET: reported (the n-th report to the authority meets the n-th stage); DUE: deadline ahead; DUE_NOW: without delay, not yet reported; OVERDUE: the deadline passed without a report
             * @example DUE
             * @enum {string}
             */
            status: "MET" | "DUE" | "DUE_NOW" | "OVERDUE";
            /**
             * @description When the report that met it was made
             * @example null
             */
            reportedAt: string | null;
            /**
             * @description Met, but after its deadline
             * @example false
             */
            late: boolean;
            /**
             * @description Milliseconds from the time of the answer to the deadline; negative once passed
             * @example 68400000
             */
            msToDeadline: number;
        };
        ObligationClockResponse: {
            /**
             * @description The obligation code
             * @example MSB_SIGNIFICANT_IT_INCIDENT
             */
            code: string;
            /**
             * @description The authority the report goes to
             * @example MSB
             * @enum {string}
             */
            authority: "ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER";
            /**
             * @description What is reported, in Swedish
             * @example Betydande IT-incident (cybersäkerhetslagen)
             */
            sv: string;
            /**
             * @description What is reported, in English
             * @example Significant IT incident (Cybersecurity Act, NIS2)
             */
            en: string;
            /** @description Its stages, in the order they fall due */
            stages: components["schemas"]["ReportingStageClockResponse"][];
        };
        ReportingDeadlineResponse: {
            /**
             * @description The incident
             * @example 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a
             */
            incidentId: string;
            /**
             * @description What happened, in short
             * @example Ransomware on the lab system
             */
            title: string;
            /**
             * @description Kind of report
             * @example IT_INCIDENT
             * @enum {string|null}
             */
            kind: "DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT" | null;
            /**
             * @description Security area
             * @example IT_SECURITY
             */
            area: string;
            /**
             * @description Organisational unit
             * @example Hospital North / Lab
             */
            unit: string;
            /**
             * @description Where it is in its handling
             * @example REPORTED
             * @enum {string}
             */
            status: "REPORTED" | "INVESTIGATED" | "ACTIONS_DECIDED" | "CLOSED" | "DISMISSED";
            /**
             * @description When it was discovered, which the deadlines count from
             * @example 2026-11-22T03:10:00.000Z
             */
            discoveredAt: string;
            /**
             * @description The earliest deadline of a stage not yet reported
             * @example 2026-11-23T03:10:00.000Z
             */
            nextDeadline: string;
            /**
             * @description Some stage is past its deadline unreported
             * @example false
             */
            overdue: boolean;
            /** @description Each obligation that applies, with its stages (as GET /incidents/{id}) */
            reportingClock: components["schemas"]["ObligationClockResponse"][];
        };
        ReportingDeadlinesResponse: {
            /** @description The most urgent first, at most `limit` of them */
            items: components["schemas"]["ReportingDeadlineResponse"][];
            /**
             * @description How many incidents have a stage still to report
             * @example 7
             */
            total: number;
            /**
             * @description How many of them have a stage overdue
             * @example 2
             */
            overdue: number;
        };
        IncidentWithClockResponse: {
            /**
             * @description The incident
             * @example 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a
             */
            incidentId: string;
            /**
             * @description What happened, in short
             * @example Medicine room found open
             */
            title: string;
            /**
             * @description What happened
             * @example Found open at 03:10; nothing missing.
             */
            description: string;
            /**
             * @description Kind of report; null for reports made before kinds were recorded
             * @example DEVIATION
             * @enum {string|null}
             */
            kind?: "DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT" | null;
            /**
             * @description Security area code
             * @example PHARMACEUTICALS
             */
            area: string;
            /**
             * @description Organisational unit
             * @example Hospital North / Ward 12
             */
            unit: string;
            /**
             * @description When it happened
             * @example 2026-11-22T02:10:00.000Z
             */
            occurredAt: string;
            /**
             * @description When it was discovered, which reporting deadlines count from (for reports made before it was asked: when the report was recorded)
             * @example 2026-11-22T03:10:00.000Z
             */
            discoveredAt: string;
            /**
             * @description Whether personal data was affected (then IMY must hear of it); null: not said
             * @example null
             */
            personalDataAffected: boolean | null;
            /**
             * @description On the consequence scale, 1 (negligible) to 5 (catastrophic)
             * @example 3
             */
            severity?: Record<string, never> | null;
            /**
             * @description What was done at once
             * @example Room locked, pharmacy informed
             */
            immediateActions?: Record<string, never> | null;
            /**
             * @description Where the handling stands; CLOSED and DISMISSED are final
             * @example INVESTIGATED
             * @enum {string}
             */
            status: "REPORTED" | "INVESTIGATED" | "ACTIONS_DECIDED" | "CLOSED" | "DISMISSED";
            /**
             * @description When it was reported
             * @example 2026-11-22T07:00:00.000Z
             */
            reportedAt: string;
            /**
             * @description Who reported it
             * @example night.nurse@region.se
             */
            reportedBy: string;
            /** @description Risks it bears on */
            linkedRisks: components["schemas"]["LinkedRiskResponse"][];
            /**
             * @description What the (latest) investigation found
             * @example The door closer had been broken for two weeks.
             */
            findings?: Record<string, never> | null;
            /**
             * @description Why it happened
             * @example No routine for reporting door faults
             */
            rootCause?: Record<string, never> | null;
            /**
             * @description When investigated
             * @example null
             */
            investigatedAt?: Record<string, never> | null;
            /**
             * @description Who recorded it
             * @example null
             */
            investigatedBy?: Record<string, never> | null;
            /** @description Actions decided */
            actions: components["schemas"]["DecidedActionResponse"][];
            /** @description Reports made outward */
            outwardReports: components["schemas"]["OutwardReportResponse"][];
            /**
             * @description Authorities this kind of incident must be reported to
             * @example [
             *       "IVO"
             *     ]
             */
            outwardReportsRequired: ("ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER")[];
            /**
             * @description Required authorities not yet reported to; the incident cannot close until empty
             * @example [
             *       "IVO"
             *     ]
             */
            outwardReportsMissing: ("ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER")[];
            /**
             * @description When closed
             * @example null
             */
            closedAt?: Record<string, never> | null;
            /**
             * @description Who closed it
             * @example null
             */
            closedBy?: Record<string, never> | null;
            /**
             * @description How it was handled
             * @example null
             */
            closingSummary?: Record<string, never> | null;
            /**
             * @description When dismissed
             * @example null
             */
            dismissedAt?: Record<string, never> | null;
            /**
             * @description Who dismissed it
             * @example null
             */
            dismissedBy?: Record<string, never> | null;
            /**
             * @description Why dismissed
             * @example null
             */
            dismissalReason?: Record<string, never> | null;
            /**
             * @description Last change
             * @example 2026-11-25T13:00:00.000Z
             */
            updatedAt: string;
            /**
             * @description Who made the last change
             * @example ward.manager@region.se
             */
            updatedBy: string;
            /**
             * @description Version of the incident this entry reflects; send it as If-Match
             * @example 4
             */
            version: number;
            /** @description Rapporteringsklockan: each reporting obligation in force that applies to the incident, its stages, deadlines counted from discovery, and where each stands now (empty for a dismissed incident and one no obligation applies to) */
            reportingClock: components["schemas"]["ObligationClockResponse"][];
        };
        AssessPersonalDataRequest: {
            /**
             * @description Whether personal data was affected (then IMY must hear of it)
             * @example true
             */
            personalDataAffected: boolean;
        };
        IncidentVersionResponse: {
            /**
             * @description The incident's version after the change (use it in If-Match)
             * @example 3
             */
            version: number;
        };
        LinkIncidentToRiskRequest: {
            /**
             * @description The risk the incident bears on
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            riskId: string;
            /**
             * @description REALISED: the incident is the risk happening; REVEALED: the incident showed that the risk exists
             * @example REALISED
             * @enum {string}
             */
            relation: "REALISED" | "REVEALED";
        };
        InvestigateIncidentRequest: {
            /**
             * @description What the investigation found
             * @example The door closer had been broken for two weeks; the fault report was never sent.
             */
            findings: string;
            /**
             * @description Why it happened, as far as the investigation could establish
             * @example No routine for reporting faults on doors to locked rooms
             */
            rootCause: string;
        };
        IncidentActionRequest: {
            /**
             * @description A risk linked to the incident (or identified from it) that the action treats
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            riskId: string;
            /**
             * @description What is to be done
             * @example Replace the door closer and add the door to the yearly inspection round
             */
            description: string;
            /**
             * @description The mitigation planned on the risk for this action (POST /risks/{id}/mitigations with X-Causation-Id naming the incident); it must be planned on that risk
             * @example 5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f
             */
            mitigationId?: string;
        };
        DecideIncidentActionsRequest: {
            /**
             * @description The actions decided, each on a risk linked to the incident
             * @example [
             *       {
             *         "riskId": "0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10",
             *         "description": "Replace the door closer and add the door to the yearly inspection round",
             *         "mitigationId": "5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f"
             *       }
             *     ]
             */
            actions: components["schemas"]["IncidentActionRequest"][];
        };
        ReportIncidentToAuthorityRequest: {
            /**
             * @description The authority: Arbetsmiljöverket (work environment), IVO (care, lex Maria), IMY (personal data breaches), MSB (IT incidents), the police, or another
             * @example IVO
             * @enum {string}
             */
            authority: "ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER";
            /**
             * @description The authority's case number, or the report's own reference
             * @example IVO 3.1-12345/2026
             */
            reference: string;
            /**
             * @description When the report was made (ISO 8601 with time zone); not before the incident
             * @example 2026-11-22T10:15:00+01:00
             */
            reportedAt: string;
        };
        CloseIncidentRequest: {
            /**
             * @description How the incident was handled, in short
             * @example Door closer replaced, fault-report routine introduced on the ward.
             */
            summary: string;
        };
        DismissIncidentRequest: {
            /**
             * @description Why the report is dismissed
             * @example Reported twice; see incident 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a
             */
            reason: string;
        };
        ChainEntryResponse: {
            /**
             * @description The global position in the event store (the order of the log)
             * @example 1042
             */
            position: number;
            /**
             * @description When the store recorded it
             * @example 2026-11-23T09:05:00.000Z
             */
            recordedAt: string;
            /**
             * @description Who caused the event: the signed-in caller's subject
             * @example anna.berg@region.se
             */
            actor: string;
            /**
             * @description The actor's display name when the event was recorded (null before sign-in)
             * @example Anna Berg
             */
            actorName?: Record<string, never> | null;
            /**
             * @description Why, in the actor's words, when a reason was given
             * @example Yearly review
             */
            reason?: Record<string, never> | null;
            /**
             * @description Groups the events of one flow or case (X-Correlation-Id)
             * @example 7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70
             */
            correlationId: string;
            /**
             * @description The request, event or record that caused it (X-Causation-Id), when there is one
             * @example 9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d
             */
            causationId?: Record<string, never> | null;
            /**
             * @description The event in one sentence, for readers who do not know its schema
             * @example Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)
             */
            summary: string;
            /**
             * @description The event data, as its published schema version describes it
             * @example {
             *       "likelihood": 2,
             *       "consequence": 4,
             *       "score": 8,
             *       "level": "MEDIUM",
             *       "matrixVersion": 1
             *     }
             */
            data: Record<string, never>;
            /**
             * @description The unique id of the event
             * @example e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0
             */
            eventId: string;
            /**
             * @description The kind of stream: risk, incident, goal, ...
             * @example risk
             */
            streamType: string;
            /**
             * @description The risk, incident or other record the event belongs to
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            streamId: string;
            /**
             * @description The stream's version after this event (gapless per stream)
             * @example 2
             */
            streamVersion: number;
            /**
             * @description The event type, e.g. RiskAssessed
             * @example RiskAssessed
             */
            eventType: string;
            /**
             * @description Security area of the risk or incident
             * @example PHARMACEUTICALS
             */
            area?: Record<string, never> | null;
            /**
             * @description Organisational unit of the risk or incident (none for goals)
             * @example WARD12
             */
            unit?: string | null;
            /**
             * @description Of a restricted (säkerhetsskydd) stream: shown only to cleared callers
             * @example false
             */
            restricted: boolean;
            /**
             * @description INCIDENT: an event of the incident itself; CAUSED: its causation id names the incident or an event of the chain; CORRELATED: it shares a correlation id with an event of the chain
             * @example CAUSED
             * @enum {string}
             */
            link: "INCIDENT" | "CAUSED" | "CORRELATED";
        };
        TraceabilityEntryResponse: {
            /**
             * @description The global position in the event store (the order of the log)
             * @example 1042
             */
            position: number;
            /**
             * @description When the store recorded it
             * @example 2026-11-23T09:05:00.000Z
             */
            recordedAt: string;
            /**
             * @description Who caused the event: the signed-in caller's subject
             * @example anna.berg@region.se
             */
            actor: string;
            /**
             * @description The actor's display name when the event was recorded (null before sign-in)
             * @example Anna Berg
             */
            actorName?: Record<string, never> | null;
            /**
             * @description Why, in the actor's words, when a reason was given
             * @example Yearly review
             */
            reason?: Record<string, never> | null;
            /**
             * @description Groups the events of one flow or case (X-Correlation-Id)
             * @example 7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70
             */
            correlationId: string;
            /**
             * @description The request, event or record that caused it (X-Causation-Id), when there is one
             * @example 9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d
             */
            causationId?: Record<string, never> | null;
            /**
             * @description The event in one sentence, for readers who do not know its schema
             * @example Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)
             */
            summary: string;
            /**
             * @description The event data, as its published schema version describes it
             * @example {
             *       "likelihood": 2,
             *       "consequence": 4,
             *       "score": 8,
             *       "level": "MEDIUM",
             *       "matrixVersion": 1
             *     }
             */
            data: Record<string, never>;
            /**
             * @description The unique id of the event
             * @example e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0
             */
            eventId: string;
            /**
             * @description The kind of stream: risk, incident, goal, ...
             * @example risk
             */
            streamType: string;
            /**
             * @description The risk, incident or other record the event belongs to
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            streamId: string;
            /**
             * @description The stream's version after this event (gapless per stream)
             * @example 2
             */
            streamVersion: number;
            /**
             * @description The event type, e.g. RiskAssessed
             * @example RiskAssessed
             */
            eventType: string;
            /**
             * @description Security area of the risk or incident
             * @example PHARMACEUTICALS
             */
            area?: Record<string, never> | null;
            /**
             * @description Organisational unit of the risk or incident (none for goals)
             * @example WARD12
             */
            unit?: string | null;
            /**
             * @description Of a restricted (säkerhetsskydd) stream: shown only to cleared callers
             * @example false
             */
            restricted: boolean;
        };
        TraceabilityEventResponse: {
            /**
             * @description The global position in the event store (the order of the log)
             * @example 1042
             */
            position: number;
            /**
             * @description When the store recorded it
             * @example 2026-11-23T09:05:00.000Z
             */
            recordedAt: string;
            /**
             * @description Who caused the event: the signed-in caller's subject
             * @example anna.berg@region.se
             */
            actor: string;
            /**
             * @description The actor's display name when the event was recorded (null before sign-in)
             * @example Anna Berg
             */
            actorName?: Record<string, never> | null;
            /**
             * @description Why, in the actor's words, when a reason was given
             * @example Yearly review
             */
            reason?: Record<string, never> | null;
            /**
             * @description Groups the events of one flow or case (X-Correlation-Id)
             * @example 7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70
             */
            correlationId: string;
            /**
             * @description The request, event or record that caused it (X-Causation-Id), when there is one
             * @example 9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d
             */
            causationId?: Record<string, never> | null;
            /**
             * @description The event in one sentence, for readers who do not know its schema
             * @example Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)
             */
            summary: string;
            /**
             * @description The event data, as its published schema version describes it
             * @example {
             *       "likelihood": 2,
             *       "consequence": 4,
             *       "score": 8,
             *       "level": "MEDIUM",
             *       "matrixVersion": 1
             *     }
             */
            data: Record<string, never>;
            /**
             * @description The unique id of the event
             * @example e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0
             */
            eventId: string;
            /**
             * @description The kind of stream: risk, incident, goal, ...
             * @example risk
             */
            streamType: string;
            /**
             * @description The risk, incident or other record the event belongs to
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            streamId: string;
            /**
             * @description The stream's version after this event (gapless per stream)
             * @example 2
             */
            streamVersion: number;
            /**
             * @description The event type, e.g. RiskAssessed
             * @example RiskAssessed
             */
            eventType: string;
            /**
             * @description Security area of the risk or incident
             * @example PHARMACEUTICALS
             */
            area?: Record<string, never> | null;
            /**
             * @description Organisational unit of the risk or incident (none for goals)
             * @example WARD12
             */
            unit?: string | null;
            /**
             * @description Of a restricted (säkerhetsskydd) stream: shown only to cleared callers
             * @example false
             */
            restricted: boolean;
            /**
             * @description The version of the event type’s schema it was written in
             * @example 2
             */
            schemaVersion: number;
            /**
             * @description The event’s metadata as recorded: actor, reason, correlation, causation, ...
             * @example {
             *       "actor": "anna.berg",
             *       "correlationId": "7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70"
             *     }
             */
            metadata: {
                [key: string]: unknown;
            };
            /**
             * @description The event’s link in its hash chain (SHA-256, hex): what GET /integrity verifies
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            hash: string;
        };
        FollowedEventsResponse: {
            /** @description Everything recorded because of the event, to the end of the chain, in log order: each entry's causationId names the event or an entry before it in this list */
            entries: components["schemas"]["TraceabilityEntryResponse"][];
            /**
             * @description False when the chain was longer than the 1,000 entries given (it was cut)
             * @example true
             */
            complete: boolean;
        };
        StartCaseFileRequest: {
            /**
             * @description The risk, incident or other stream whose events the case file holds
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            streamId?: string;
            /**
             * @description With streamId: also every event that followed from the stream's (its chain)
             * @example true
             */
            chain?: boolean;
            /**
             * @description Without streamId: every event recorded from this time (ISO 8601, with time zone)
             * @example 2026-11-01T00:00:00+01:00
             */
            from?: string;
            /**
             * @description With from: up to this time (ISO 8601, with time zone)
             * @example 2026-12-01T00:00:00+01:00
             */
            to?: string;
        };
        CaseFileJobResponse: {
            /**
             * Format: uuid
             * @description Follow it at GET /case-files/{id}
             * @example 3c6a1f0e-2b7d-4f59-8a2e-7d0f5b1c9e44
             */
            id: string;
            /**
             * @description What the case file holds, in words
             * @example stream 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10 and everything that followed from it
             */
            selection: string;
            /**
             * @description RUNNING while it is made, DONE when it can be downloaded, FAILED with why
             * @example RUNNING
             * @enum {string}
             */
            status: "RUNNING" | "DONE" | "FAILED";
            /**
             * @description events: reading the selected events; log: verifying the whole log; zip: packing the files
             * @example log
             * @enum {string}
             */
            phase: "events" | "log" | "zip";
            /**
             * @description Steps of the phase done
             * @example 1200
             */
            done: number;
            /**
             * @description Steps of the phase in all (0 until known)
             * @example 4000
             */
            total: number;
            /**
             * @description When DONE: the SHA-256 (hex) of events.jsonl, for the receipt
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            eventsSha256?: string;
            /**
             * @description When DONE: events in the case file
             * @example 14
             */
            events?: number;
            /**
             * @description When DONE: whether the whole log verified intact
             * @example true
             */
            logIntact?: boolean;
            /**
             * @description When DONE: the zip file name
             * @example akt-2026-12-05T15-00-00-000Z.zip
             */
            fileName?: string;
            /**
             * @description When FAILED: why
             * @example the log has no stream 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            failure?: string;
        };
        LogCheckpointResponse: {
            /**
             * @description PostgreSQL transaction id (xid8) of the event
             * @example 7921
             */
            transactionId: string;
            /**
             * @description The global position in the event store (the order of the log)
             * @example 1042
             */
            position: number;
        };
        LogSealResponse: {
            /**
             * @description The number of the seal
             * @example 17
             */
            sealNo: number;
            /**
             * @description Hash of the seal before
             * @example 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b
             */
            previousHash?: Record<string, never> | null;
            /** @description The last event the seal covers, in commit order */
            upTo: components["schemas"]["LogCheckpointResponse"];
            /**
             * @description Events this seal covers
             * @example 1000
             */
            eventCount: number;
            /**
             * @description SHA-256 of the seal: record it elsewhere to prove later nothing was rewritten
             * @example 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b
             */
            hash: string;
            /**
             * @description When the seal was made
             * @example 2026-11-23T09:05:01.250Z
             */
            sealedAt: string;
        };
        IntegrityProblemResponse: {
            /**
             * @description The kind of break found
             * @example HASH_MISMATCH
             * @enum {string}
             */
            kind: "HASH_MISMATCH" | "VERSION_MISSING" | "EVENT_MISSING" | "EVENT_NOT_SEALED" | "SEAL_MISMATCH" | "SEAL_BROKEN";
            /**
             * @description Log position where the log breaks
             * @example 1042
             */
            position: number;
            /**
             * @description The risk, incident or other record the event belongs to
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            streamId?: Record<string, never> | null;
            /**
             * @description The stream's version after this event (gapless per stream)
             * @example 2
             */
            streamVersion?: Record<string, never> | null;
            /**
             * @description The number of the seal
             * @example null
             */
            sealNo?: Record<string, never> | null;
            /**
             * @description What exactly was wrong
             * @example the stored hash does not match the event's content, position or link to version 1: the event was changed
             */
            detail: string;
        };
        IntegrityReportResponse: {
            /**
             * @description True when no problem was found
             * @example true
             */
            intact: boolean;
            /**
             * @description When the check ran
             * @example 2026-11-23T09:05:01.200Z
             */
            checkedAt: string;
            /**
             * @description How long the check took, in milliseconds
             * @example 840
             */
            durationMs: number;
            /**
             * @description Events checked
             * @example 17045
             */
            events: number;
            /**
             * @description Streams (risks, incidents) checked
             * @example 2210
             */
            streams: number;
            /**
             * @description Checked range: from
             * @example 1
             */
            firstPosition?: Record<string, never> | null;
            /**
             * @description Checked range: to
             * @example 17120
             */
            lastPosition?: Record<string, never> | null;
            /**
             * @description How many seals were checked
             * @example 18
             */
            seals: number;
            /**
             * @description How many events the seals cover
             * @example 17045
             */
            sealedEvents: number;
            /**
             * @description Events after the last seal (their order and deletion are not covered yet)
             * @example 0
             */
            unsealedEvents: number;
            /** @description The head seal */
            head?: components["schemas"]["LogSealResponse"] | null;
            /**
             * @description Whether the triggers refusing UPDATE, DELETE and TRUNCATE on the log are on
             * @example true
             */
            guardsEnabled: boolean;
            /** @description Where the log first breaks (lowest position); null when intact */
            firstBreak?: components["schemas"]["IntegrityProblemResponse"] | null;
            /** @description The first 100 */
            problems: components["schemas"]["IntegrityProblemResponse"][];
            /**
             * @description How many breaks were found (0: intact)
             * @example 0
             */
            problemCount: number;
        };
        DeadLetterResponse: {
            /**
             * @description The id of what was created
             * @example 2f1d3c4b-5a69-4e7d-8c9b-0a1b2c3d4e5f
             */
            id: string;
            /**
             * @description The consumer group that set it aside
             * @example riskledger-projector
             */
            consumerGroup: string;
            /**
             * @description The Kafka topic it came from
             * @example riskledger.risk
             */
            topic: string;
            /**
             * @description The Kafka partition it came from
             * @example 2
             */
            partition: number;
            /**
             * @description Offset on the original topic (a decimal string)
             * @example 1042
             */
            offset: string;
            /**
             * @description Why, in the actor's words, when a reason was given
             * @example unsupported-schema-version
             * @enum {string}
             */
            reason: "malformed" | "unknown-event-type" | "unsupported-schema-version" | "foreign-store" | "stream-gap" | "handler-failed";
            /**
             * @description What exactly was wrong
             * @example RiskAssessed schema version 9 is newer than the known version 1
             */
            detail: string;
            /**
             * @description When the consumer set the message aside
             * @example 2026-11-23T09:05:00.000Z
             */
            deadLetteredAt: string;
            /** @description The message key (the stream id), as text */
            key?: Record<string, never> | null;
            /**
             * @description The message headers, as text
             * @example {
             *       "ce_type": "RiskAssessed"
             *     }
             */
            headers: Record<string, never>;
            /** @description The message value: as text when it is UTF-8, else base64 (see valueEncoding) */
            value?: Record<string, never> | null;
            /**
             * @description How the stored message value is encoded (utf8 or base64)
             * @example utf8
             * @enum {string}
             */
            valueEncoding: "utf8" | "base64";
            /**
             * @description How often an operator re-drove it
             * @example 0
             */
            redriveCount: number;
            /**
             * @description When an operator last re-drove the message, if ever
             * @example 2026-11-23T10:00:00.000Z
             */
            lastRedrivenAt?: Record<string, never> | null;
            /**
             * @description Who last re-drove the message, if anyone
             * @example operator@region.se
             */
            lastRedrivenBy?: Record<string, never> | null;
        };
        SetGoalRequest: {
            /**
             * @description Code of a security area in use (the 14 seeded ones or one the region added)
             * @example FIRE_SAFETY
             */
            area: string;
            /**
             * @description The year the goal is set for: from 2000 to three years ahead
             * @example 2026
             */
            year: number;
            /**
             * @description The goal in words
             * @example All staff know how to act when the fire alarm sounds
             */
            text: string;
            /**
             * @description What is measured to follow the goal up
             * @example Share of staff who completed the fire safety course
             */
            indicator: string;
            /**
             * @description The indicator value that meets the goal
             * @example 90
             */
            targetValue: number;
            /**
             * @description What the indicator is counted in
             * @example %
             */
            measurementUnit: string;
            /**
             * @description AT_LEAST: met at or above the target (e.g. share trained); AT_MOST: met at or below it (e.g. number of serious near misses)
             * @example AT_LEAST
             * @enum {string}
             */
            direction: "AT_LEAST" | "AT_MOST";
            /**
             * @description From this value on the goal counts as partly met; short of the target (below it for AT_LEAST, above it for AT_MOST). Without it a goal is met or not met.
             * @example 75
             */
            partlyMetFrom?: number;
        };
        SetGoalResponse: {
            /**
             * @description Id of the new goal
             * @example 6a1f2e3d-4c5b-4a69-8788-99aabbccddee
             */
            id: string;
        };
        GoalMeasurementResponse: {
            /**
             * @description Id of the measurement
             * @example 7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff
             */
            measurementId: string;
            /**
             * @description The measured value, in the goal's unit
             * @example 87.5
             */
            value: number;
            /**
             * @description The day the value describes
             * @example 2026-06-30
             */
            measuredOn: string;
            /**
             * @description Where the value comes from
             * @example From the learning platform
             */
            note?: Record<string, never> | null;
            /**
             * @description When it was recorded
             * @example 2026-07-01T08:00:00.000Z
             */
            recordedAt: string;
            /**
             * @description Who recorded it
             * @example fire.safety.lead@region.se
             */
            recordedBy: string;
        };
        GoalRevisionResponse: {
            /**
             * @description The target after the revision
             * @example 80
             */
            targetValue: number;
            /**
             * @description The partly-met threshold after it
             * @example 60
             */
            partlyMetFrom?: Record<string, never> | null;
            /**
             * @description The target before the revision
             * @example 90
             */
            previousTargetValue: number;
            /**
             * @description The threshold before it
             * @example 75
             */
            previousPartlyMetFrom?: Record<string, never> | null;
            /**
             * @description Why it was revised
             * @example Reorganisation in March
             */
            reason: string;
            /**
             * @description When
             * @example 2026-04-02T10:00:00.000Z
             */
            revisedAt: string;
            /**
             * @description Who revised it
             * @example security.chief@region.se
             */
            revisedBy: string;
        };
        GoalRegisterEntryResponse: {
            /**
             * @description Id of the goal
             * @example 6a1f2e3d-4c5b-4a69-8788-99aabbccddee
             */
            goalId: string;
            /**
             * @description Security area code
             * @example FIRE_SAFETY
             */
            area: string;
            /**
             * @description The year the goal is set for
             * @example 2026
             */
            year: number;
            /**
             * @description The goal in words
             * @example All staff know how to act when the fire alarm sounds
             */
            text: string;
            /**
             * @description What is measured
             * @example Share of staff who completed the fire safety course
             */
            indicator: string;
            /**
             * @description The value that meets the goal
             * @example 90
             */
            targetValue: number;
            /**
             * @description What the indicator is counted in
             * @example %
             */
            measurementUnit: string;
            /**
             * @description Which way meets the goal
             * @example AT_LEAST
             * @enum {string}
             */
            direction: "AT_LEAST" | "AT_MOST";
            /**
             * @description From this value on the goal counts as partly met
             * @example 75
             */
            partlyMetFrom?: Record<string, never> | null;
            /**
             * @description ACTIVE, or WITHDRAWN
             * @example ACTIVE
             * @enum {string}
             */
            status: "ACTIVE" | "WITHDRAWN";
            /**
             * @description Why it was withdrawn
             * @example null
             */
            withdrawnReason?: Record<string, never> | null;
            /**
             * @description When it was withdrawn
             * @example null
             */
            withdrawnAt?: Record<string, never> | null;
            /** @description Every measurement, in the order recorded */
            measurements: components["schemas"]["GoalMeasurementResponse"][];
            /** @description Every revision of the target */
            revisions: components["schemas"]["GoalRevisionResponse"][];
            /** @description The measurement of the latest day, which the fulfilment is read from */
            latestMeasurement?: components["schemas"]["GoalMeasurementResponse"] | null;
            /**
             * @description MET, PARTLY_MET or NOT_MET from the latest measurement against the target, direction and threshold; NOT_MEASURED before the first one
             * @example PARTLY_MET
             * @enum {string}
             */
            fulfilment: "MET" | "PARTLY_MET" | "NOT_MET" | "NOT_MEASURED";
            /**
             * @description When the goal was set
             * @example 2026-01-20T09:00:00.000Z
             */
            setAt: string;
            /**
             * @description Who set it
             * @example security.chief@region.se
             */
            setBy: string;
            /**
             * @description When it last changed
             * @example 2026-07-01T08:00:00.000Z
             */
            updatedAt: string;
            /**
             * @description Who changed it last
             * @example fire.safety.lead@region.se
             */
            updatedBy: string;
            /**
             * @description The goal stream's version (its ETag)
             * @example 2
             */
            version: number;
        };
        MeasureIndicatorRequest: {
            /**
             * Format: uuid
             * @description Id of this measurement, chosen by the caller so that a retried request is recognised (409) instead of counted twice; generated when left out
             * @example 7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff
             */
            measurementId?: string;
            /**
             * @description The measured value, in the goal's measurement unit
             * @example 87.5
             */
            value: number;
            /**
             * @description The day the value describes (YYYY-MM-DD): in the goal's year, or in the first quarter after it for year-end figures; not after today
             * @example 2026-06-30
             */
            measuredOn: string;
            /**
             * @description Where the value comes from or what it covers
             * @example From the learning platform, all permanent staff
             */
            note?: string;
        };
        MeasureIndicatorResponse: {
            /**
             * @description Id of the recorded measurement
             * @example 7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff
             */
            measurementId: string;
            /**
             * @description The goal's version after the measurement
             * @example 2
             */
            version: number;
        };
        ReviseGoalRequest: {
            /**
             * @description The new indicator value that meets the goal
             * @example 80
             */
            targetValue: number;
            /**
             * @description The new value from which the goal counts as partly met, short of the new target; left out, the goal is met or not met
             * @example 60
             */
            partlyMetFrom?: number;
            /**
             * @description Why the target changes (shown in the annual report)
             * @example Half the staff changed over after the reorganisation in March
             */
            reason: string;
        };
        GoalVersionResponse: {
            /**
             * @description The goal's version after the change (use it in If-Match)
             * @example 3
             */
            version: number;
        };
        WithdrawGoalRequest: {
            /**
             * @description Why the goal is withdrawn (shown in the annual report)
             * @example The course is replaced by practical evacuation drills
             */
            reason: string;
        };
        ReportPeriodResponse: {
            /**
             * @description Swedish New Year, as an instant
             * @example 2024-12-31T23:00:00.000Z
             */
            from: string;
            /**
             * @description The next New Year (exclusive)
             * @example 2025-12-31T23:00:00.000Z
             */
            until: string;
        };
        ReportedGoalRevisionResponse: {
            /**
             * @description The target after the revision
             * @example 80
             */
            targetValue: number;
            /**
             * @description The target before it
             * @example 90
             */
            previousTargetValue: number;
            /**
             * @description Why it was revised
             * @example Reorganisation in March
             */
            reason: string;
        };
        ReportedGoalResponse: {
            /**
             * @description Id of the goal
             * @example 6a1f2e3d-4c5b-4a69-8788-99aabbccddee
             */
            goalId: string;
            /**
             * @description The goal in words
             * @example All staff know how to act when the fire alarm sounds
             */
            text: string;
            /**
             * @description What is measured
             * @example Share of staff who completed the fire safety course
             */
            indicator: string;
            /**
             * @description The value that meets the goal
             * @example 90
             */
            targetValue: number;
            /**
             * @description What the indicator is counted in
             * @example %
             */
            measurementUnit: string;
            /**
             * @description Which way meets the goal
             * @example AT_LEAST
             * @enum {string}
             */
            direction: "AT_LEAST" | "AT_MOST";
            /**
             * @description From this value on, partly met
             * @example 75
             */
            partlyMetFrom?: number | null;
            /**
             * @description ACTIVE or WITHDRAWN
             * @example ACTIVE
             */
            status: string;
            /**
             * @description The latest measured value
             * @example 92
             */
            latestValue?: number | null;
            /**
             * @description The day it describes
             * @example 2025-12-31
             */
            latestMeasuredOn?: string | null;
            /**
             * @description How the goal stands
             * @example MET
             * @enum {string}
             */
            fulfilment: "MET" | "PARTLY_MET" | "NOT_MET" | "NOT_MEASURED";
            /** @description Revisions of the target, with reasons */
            revisions: components["schemas"]["ReportedGoalRevisionResponse"][];
            /**
             * @description Why it was withdrawn
             * @example null
             */
            withdrawnReason?: string | null;
        };
        AreaGoalsResponse: {
            /**
             * @description Goals set for the year
             * @example 3
             */
            total: number;
            /**
             * @description Met
             * @example 1
             */
            met: number;
            /**
             * @description Partly met
             * @example 1
             */
            partlyMet: number;
            /**
             * @description Not met
             * @example 0
             */
            notMet: number;
            /**
             * @description Never measured
             * @example 0
             */
            notMeasured: number;
            /**
             * @description Withdrawn (listed, not counted above)
             * @example 1
             */
            withdrawn: number;
            /** @description Each goal */
            items: components["schemas"]["ReportedGoalResponse"][];
        };
        RiskProfileResponse: {
            /**
             * @description Risks open at the end of the year
             * @example 7
             */
            openAtYearEnd: number;
            /**
             * @description Open risks at year end by the level of their latest current assessment
             * @example {
             *       "LOW": 2,
             *       "MEDIUM": 3,
             *       "HIGH": 1,
             *       "VERY_HIGH": 0,
             *       "NOT_ASSESSED": 1
             *     }
             */
            levelsAtYearEnd: Record<string, never>;
            /**
             * @description The 5×5 matrix of open risks at year end: rows are likelihood 1 to 5, columns consequence 1 to 5, by their latest current assessment (unassessed risks are not in it)
             * @example [
             *       [
             *         0,
             *         1,
             *         0,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         2,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         1,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         1,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         0,
             *         1
             *       ]
             *     ]
             */
            matrixAtYearEnd: number[][];
        };
        HighestRiskResponse: {
            /**
             * @description Id of the risk
             * @example 2b7c1f7e-5d4a-4c3b-9a1e-0f2d3c4b5a69
             */
            riskId: string;
            /**
             * @description Its title
             * @example Unlocked medicine room on ward 12
             */
            title: string;
            /**
             * @description Likelihood, 1 to 5
             * @example 4
             */
            likelihood: number;
            /**
             * @description Consequence, 1 to 5
             * @example 4
             */
            consequence: number;
            /**
             * @description Likelihood × consequence
             * @example 16
             */
            score: number;
            /**
             * @description Level of the score
             * @example HIGH
             */
            level: string;
        };
        AreaRisksResponse: {
            /**
             * @description Risks open at the end of the year
             * @example 7
             */
            openAtYearEnd: number;
            /**
             * @description Open risks at year end by the level of their latest current assessment
             * @example {
             *       "LOW": 2,
             *       "MEDIUM": 3,
             *       "HIGH": 1,
             *       "VERY_HIGH": 0,
             *       "NOT_ASSESSED": 1
             *     }
             */
            levelsAtYearEnd: Record<string, never>;
            /**
             * @description The 5×5 matrix of open risks at year end: rows are likelihood 1 to 5, columns consequence 1 to 5, by their latest current assessment (unassessed risks are not in it)
             * @example [
             *       [
             *         0,
             *         1,
             *         0,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         2,
             *         0,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         1,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         1,
             *         0
             *       ],
             *       [
             *         0,
             *         0,
             *         0,
             *         0,
             *         1
             *       ]
             *     ]
             */
            matrixAtYearEnd: number[][];
            /**
             * @description Risks identified in the year
             * @example 4
             */
            identified: number;
            /**
             * @description Risks assessed in the year (each counted once)
             * @example 5
             */
            assessed: number;
            /**
             * @description Risks closed in the year
             * @example 1
             */
            closed: number;
            /** @description The same profile at the end of the year before, for the change */
            previousYearEnd: components["schemas"]["RiskProfileResponse"];
            /** @description The open risks with the highest current score at year end (at most 5) */
            highest: components["schemas"]["HighestRiskResponse"][];
        };
        IncidentCellResponse: {
            /**
             * @description Kind, or NOT_RECORDED
             * @example DEVIATION
             */
            kind: string;
            /**
             * @description Severity 1 to 5, or NOT_RECORDED
             * @example 2
             */
            severity: string;
            /**
             * @description Incidents reported in the year
             * @example 4
             */
            count: number;
        };
        AreaIncidentsResponse: {
            /**
             * @description Incidents reported in the year
             * @example 12
             */
            reported: number;
            /**
             * @description By kind; NOT_RECORDED for reports made before kinds were recorded
             * @example {
             *       "DEFICIENCY": 3,
             *       "DEVIATION": 6,
             *       "NEAR_MISS": 2,
             *       "SERIOUS_NEAR_MISS": 0,
             *       "ACCIDENT": 1,
             *       "CARE_INJURY": 0,
             *       "IT_INCIDENT": 0,
             *       "NOT_RECORDED": 0
             *     }
             */
            byKind: Record<string, never>;
            /**
             * @description Incidents reported in the year before
             * @example 9
             */
            reportedPreviousYear: number;
            /**
             * @description By severity 1 to 5; NOT_RECORDED for reports made before it was recorded
             * @example {
             *       "1": 2,
             *       "2": 6,
             *       "3": 3,
             *       "4": 1,
             *       "5": 0,
             *       "NOT_RECORDED": 0
             *     }
             */
            bySeverity: Record<string, never>;
            /** @description The cells of kind × severity that are not zero */
            byKindAndSeverity: components["schemas"]["IncidentCellResponse"][];
            /**
             * @description Reports made to authorities in the year, by authority
             * @example {
             *       "ARBETSMILJOVERKET": 1,
             *       "IVO": 0,
             *       "IMY": 0,
             *       "MSB": 1,
             *       "POLICE": 0,
             *       "OTHER": 0
             *     }
             */
            outwardReports: Record<string, never>;
            /**
             * @description Reports to authorities that the kinds of the year's incidents required and that were not made
             * @example 0
             */
            outwardReportsMissing: number;
        };
        AreaMitigationsResponse: {
            /**
             * @description Mitigations applied in the year
             * @example 4
             */
            applied: number;
            /**
             * @description Mitigations whose effect was verified in the year
             * @example 2
             */
            verified: number;
            /**
             * @description Planned on risks open at year end, due before it, and neither applied nor cancelled then
             * @example 1
             */
            overdueAtYearEnd: number;
        };
        AreaReportResponse: {
            /**
             * @description Security area code
             * @example FIRE_SAFETY
             */
            area: string;
            /** @description Goals and their fulfilment */
            goals: components["schemas"]["AreaGoalsResponse"];
            /** @description Risk analyses */
            risks: components["schemas"]["AreaRisksResponse"];
            /** @description Incidents */
            incidents: components["schemas"]["AreaIncidentsResponse"];
            /** @description Follow-up and improvements */
            mitigations: components["schemas"]["AreaMitigationsResponse"];
        };
        AnnualSecurityReportResponse: {
            /**
             * @description The year reported on
             * @example 2025
             */
            year: number;
            /** @description The year as instants */
            period: components["schemas"]["ReportPeriodResponse"];
            /**
             * @description The log was read as recorded up to this moment; pass it as asOf to get the same report again
             * @example 2026-03-31T22:00:00.000Z
             */
            asOf: string;
            /**
             * @description The highest log position read
             * @example 10432
             */
            lastPosition: number;
            /**
             * @description Whether the year's report has closed (at the end of the first quarter after the year, when the measurement window of its goals ends): it then reads the log up to that moment only, and asking again gives the same report and hash
             * @example true
             */
            final: boolean;
            /**
             * @description SHA-256 (hex) of the canonical JSON (RFC 8785) of this report without this field; the HTML and PDF documents state it
             * @example 3f0c5a1e9b2d4c6f8a7e1d3b5c9f0a2e4d6b8c1f3a5e7d9b0c2f4a6e8d1b3c5f
             */
            contentHash: string;
            /** @description One section per security area */
            areas: components["schemas"]["AreaReportResponse"][];
        };
        SecurityAreaResponse: {
            /**
             * @description The area code, used on risks, incidents and goals
             * @example FIRE_SAFETY
             */
            code: string;
            /**
             * @description The name in Swedish
             * @example Brandsäkerhet
             */
            sv: string;
            /**
             * @description The name in English
             * @example Fire safety
             */
            en: string;
            /**
             * @description One of the 14 areas of the annual security report (seeded), not added by the region
             * @example true
             */
            builtIn: boolean;
            /**
             * @description The area's responsible person (funktionsområdesansvarig)
             * @example erik.lind@region.se
             */
            responsible: Record<string, never> | null;
            /**
             * @description Retired: not usable for new risks, incidents or goals; old ones keep it
             * @example false
             */
            retired: boolean;
            /**
             * @description Why it was retired
             * @example null
             */
            retiredReason: Record<string, never> | null;
            /**
             * @description When it was registered
             * @example 2026-01-15T09:00:00.000Z
             */
            registeredAt: string;
            /**
             * @description When it last changed
             * @example 2026-03-02T10:30:00.000Z
             */
            updatedAt: string;
            /**
             * @description Who changed it last
             * @example anna.berg@region.se
             */
            updatedBy: string;
        };
        RegisterSecurityAreaRequest: {
            /**
             * @description A new area code: 2 to 64 upper-case letters, digits or _, starting with a letter
             * @example PHYSICAL_SECURITY
             */
            code: string;
            /**
             * @description The name in Swedish
             * @example Fysisk säkerhet
             */
            sv: string;
            /**
             * @description The name in English
             * @example Physical security
             */
            en: string;
            /**
             * @description The area's responsible person (funktionsområdesansvarig)
             * @example erik.lind@region.se
             */
            responsible?: string;
        };
        SecurityAreaChangedResponse: {
            /**
             * @description The area code
             * @example PHYSICAL_SECURITY
             */
            code: string;
            /**
             * @description The area's version after the change (use it in If-Match)
             * @example 1
             */
            version: number;
        };
        AssignSecurityAreaResponsibleRequest: {
            /**
             * @description The person who becomes responsible for the area (funktionsområdesansvarig)
             * @example sara.ek@region.se
             */
            responsible: string;
            /**
             * @description Why the responsibility changes
             * @example Erik Lind retires; Sara Ek takes over from 1 March
             */
            reason?: string;
        };
        RetireSecurityAreaRequest: {
            /**
             * @description Why the area is no longer used
             * @example Merged into protective security (säkerhetsskydd)
             */
            reason: string;
        };
        OrganisationalUnitResponse: {
            /**
             * @description The unit's code, named on risks and incidents
             * @example MED
             */
            code: string;
            /**
             * @description The unit's name
             * @example Medicinkliniken
             */
            name: string;
            /**
             * @description The code of the unit it belongs to; null for the region
             * @example HSV
             */
            parentCode: Record<string, never> | null;
            /**
             * @description Its level in the organisation
             * @example DEPARTMENT
             * @enum {string}
             */
            kind: "REGION" | "ADMINISTRATION" | "COMPANY" | "DEPARTMENT" | "UNIT";
            /**
             * @description The codes from the region down to this unit, itself last
             * @example [
             *       "RV",
             *       "HSV",
             *       "MED"
             *     ]
             */
            path: string[];
            /**
             * @description False once closed: no new risks or incidents may name it
             * @example true
             */
            open: boolean;
            /**
             * @description Why it was closed
             * @example null
             */
            closedReason: Record<string, never> | null;
            /**
             * @description When it was registered
             * @example 2026-01-15T09:00:00.000Z
             */
            registeredAt: string;
            /**
             * @description When it last changed
             * @example 2026-03-02T10:30:00.000Z
             */
            updatedAt: string;
            /**
             * @description Who changed it last
             * @example anna.berg@region.se
             */
            updatedBy: string;
            /**
             * @description The units directly below it, each with its own, by name
             * @example []
             */
            children: components["schemas"]["OrganisationalUnitResponse"][];
        };
        RegisterOrganisationalUnitRequest: {
            /**
             * @description The unit's code: 1 to 64 letters, digits, . _ or - (e.g. an HSA id)
             * @example WARD12
             */
            code: string;
            /**
             * @description The unit's name
             * @example Avdelning 12
             */
            name: string;
            /**
             * @description The code of the open unit it belongs to; left out only for the region itself
             * @example MED
             */
            parentCode?: string;
            /**
             * @description Its level: the region, an administration or company, a department or a unit
             * @example UNIT
             * @enum {string}
             */
            kind: "REGION" | "ADMINISTRATION" | "COMPANY" | "DEPARTMENT" | "UNIT";
        };
        OrganisationChangedResponse: {
            /**
             * @description The unit changed
             * @example WARD12
             */
            code: string;
            /**
             * @description The organisation's version after the change: the whole tree is one stream, so use it in If-Match on any unit
             * @example 7
             */
            version: number;
        };
        RenameOrganisationalUnitRequest: {
            /**
             * @description The new name
             * @example Avdelning 12 (hjärtsjukvård)
             */
            name: string;
            /**
             * @description Why it is renamed
             * @example The ward now takes cardiac patients
             */
            reason?: string;
        };
        MoveOrganisationalUnitRequest: {
            /**
             * @description The code of the open unit it moves under
             * @example SURG
             */
            parentCode: string;
            /**
             * @description Why it moves
             * @example Reorganisation of the surgical division, decided 2026-02-10
             */
            reason?: string;
        };
        CloseOrganisationalUnitRequest: {
            /**
             * @description Why the unit is closed
             * @example Merged with ward 14
             */
            reason: string;
        };
        LocalisedTextResponse: {
            /**
             * @description In Swedish
             * @example Inträffar flera gånger per år
             */
            sv: string;
            /**
             * @description In English
             * @example Several times a year
             */
            en: string;
        };
        ScaleStepResponse: {
            /**
             * @description The score of the step, 1 to 5
             * @example 4
             */
            value: number;
            /**
             * @description The step's name
             * @example {
             *       "sv": "Hög",
             *       "en": "Likely"
             *     }
             */
            label: components["schemas"]["LocalisedTextResponse"];
            /** @description What the step means, so that two assessors score alike */
            criteria: components["schemas"]["LocalisedTextResponse"];
        };
        LevelBandResponse: {
            /**
             * @description The risk level
             * @example HIGH
             * @enum {string}
             */
            level: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
            /**
             * @description The highest risk value (likelihood × consequence) in the band
             * @example 16
             */
            maxScore: number;
            /**
             * @description The roles that may accept a risk at this level; empty if it must be treated
             * @example [
             *       "SECURITY_COORDINATOR"
             *     ]
             */
            acceptableBy: ("ADMINISTRATOR" | "SECURITY_COORDINATOR" | "AREA_RESPONSIBLE" | "RISK_OWNER" | "REPORTER" | "INVESTIGATOR" | "INTEGRATION")[];
            /**
             * @description The longest an acceptance holds before it lapses, in days
             * @example 180
             */
            maxAcceptanceDays: number;
        };
        RiskMatrixResponse: {
            /**
             * @description The version; assessments name the version they used
             * @example 1
             */
            version: number;
            /** @description The likelihood scale, steps 1 to 5 */
            likelihoodScale: components["schemas"]["ScaleStepResponse"][];
            /** @description The consequence scale, steps 1 to 5 */
            consequenceScale: components["schemas"]["ScaleStepResponse"][];
            /** @description The level bands in rising order, the last ending at 25 */
            bands: components["schemas"]["LevelBandResponse"][];
            /**
             * @description When the version was published
             * @example 2026-01-15T09:00:00.000Z
             */
            publishedAt: string;
            /**
             * @description Who published it (riskledger for the built-in version 1)
             * @example riskledger
             */
            publishedBy: string;
        };
        LabelRequest: {
            /**
             * @description In Swedish
             * @example Hög
             */
            sv: string;
            /**
             * @description In English
             * @example Likely
             */
            en: string;
        };
        CriteriaRequest: {
            /**
             * @description In Swedish
             * @example Inträffar flera gånger per år
             */
            sv: string;
            /**
             * @description In English
             * @example Several times a year
             */
            en: string;
        };
        ScaleStepRequest: {
            /**
             * @description The score of the step; the steps are 1 to 5 in order
             * @example 4
             */
            value: number;
            /**
             * @description The step's name
             * @example {
             *       "sv": "Hög",
             *       "en": "Likely"
             *     }
             */
            label: components["schemas"]["LabelRequest"];
            /**
             * @description What the step means, so that two assessors score alike
             * @example {
             *       "sv": "Inträffar flera gånger per år",
             *       "en": "Several times a year"
             *     }
             */
            criteria: components["schemas"]["CriteriaRequest"];
        };
        LevelBandRequest: {
            /**
             * @description The risk level; bands rise LOW, MEDIUM, HIGH, VERY_HIGH
             * @example HIGH
             * @enum {string}
             */
            level: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
            /**
             * @description The highest risk value (likelihood × consequence) in the band, above the previous band's; the last is 25
             * @example 16
             */
            maxScore: number;
            /**
             * @description The roles that may accept a risk at this level; empty if it must be treated
             * @example [
             *       "SECURITY_COORDINATOR"
             *     ]
             */
            acceptableBy: ("ADMINISTRATOR" | "SECURITY_COORDINATOR" | "AREA_RESPONSIBLE" | "RISK_OWNER" | "REPORTER" | "INVESTIGATOR" | "INTEGRATION")[];
            /**
             * @description The longest an acceptance at this level holds before it lapses (days); 0 when no role may accept
             * @example 180
             */
            maxAcceptanceDays: number;
        };
        PublishRiskMatrixRequest: {
            /**
             * @description The likelihood scale (sannolikhet): 5 steps, valued 1 to 5 in order
             * @example [
             *       {
             *         "value": 1,
             *         "label": {
             *           "sv": "Mycket låg",
             *           "en": "Rare"
             *         },
             *         "criteria": {
             *           "sv": "Inträffar sällan än vart tionde år",
             *           "en": "Less than once in ten years"
             *         }
             *       },
             *       {
             *         "value": 2,
             *         "label": {
             *           "sv": "Låg",
             *           "en": "Unlikely"
             *         },
             *         "criteria": {
             *           "sv": "Inträffar någon gång på tio år",
             *           "en": "Once in ten years"
             *         }
             *       },
             *       {
             *         "value": 3,
             *         "label": {
             *           "sv": "Medel",
             *           "en": "Possible"
             *         },
             *         "criteria": {
             *           "sv": "Inträffar någon gång per år",
             *           "en": "About once a year"
             *         }
             *       },
             *       {
             *         "value": 4,
             *         "label": {
             *           "sv": "Hög",
             *           "en": "Likely"
             *         },
             *         "criteria": {
             *           "sv": "Inträffar flera gånger per år",
             *           "en": "Several times a year"
             *         }
             *       },
             *       {
             *         "value": 5,
             *         "label": {
             *           "sv": "Mycket hög",
             *           "en": "Almost certain"
             *         },
             *         "criteria": {
             *           "sv": "Inträffar varje månad",
             *           "en": "Every month"
             *         }
             *       }
             *     ]
             */
            likelihoodScale: components["schemas"]["ScaleStepRequest"][];
            /**
             * @description The consequence scale (konsekvens): 5 steps, valued 1 to 5 in order
             * @example [
             *       {
             *         "value": 1,
             *         "label": {
             *           "sv": "Försumbar",
             *           "en": "Negligible"
             *         },
             *         "criteria": {
             *           "sv": "Ingen märkbar påverkan",
             *           "en": "No noticeable effect"
             *         }
             *       },
             *       {
             *         "value": 2,
             *         "label": {
             *           "sv": "Lindrig",
             *           "en": "Minor"
             *         },
             *         "criteria": {
             *           "sv": "Kortvarig störning, ingen skada",
             *           "en": "Short disruption, no harm"
             *         }
             *       },
             *       {
             *         "value": 3,
             *         "label": {
             *           "sv": "Måttlig",
             *           "en": "Moderate"
             *         },
             *         "criteria": {
             *           "sv": "Störd verksamhet eller lindrig skada",
             *           "en": "Disrupted operations or minor injury"
             *         }
             *       },
             *       {
             *         "value": 4,
             *         "label": {
             *           "sv": "Allvarlig",
             *           "en": "Major"
             *         },
             *         "criteria": {
             *           "sv": "Allvarlig skada, lagbrott eller förtroendeförlust",
             *           "en": "Serious injury, breach of law or loss of trust"
             *         }
             *       },
             *       {
             *         "value": 5,
             *         "label": {
             *           "sv": "Katastrofal",
             *           "en": "Catastrophic"
             *         },
             *         "criteria": {
             *           "sv": "Dödsfall eller långvarigt avbrott i vården",
             *           "en": "Death or lasting loss of care"
             *         }
             *       }
             *     ]
             */
            consequenceScale: components["schemas"]["ScaleStepRequest"][];
            /**
             * @description The level bands in rising order, the last ending at 25, with who may accept and for how long
             * @example [
             *       {
             *         "level": "LOW",
             *         "maxScore": 3,
             *         "acceptableBy": [
             *           "RISK_OWNER"
             *         ],
             *         "maxAcceptanceDays": 365
             *       },
             *       {
             *         "level": "MEDIUM",
             *         "maxScore": 7,
             *         "acceptableBy": [
             *           "AREA_RESPONSIBLE"
             *         ],
             *         "maxAcceptanceDays": 365
             *       },
             *       {
             *         "level": "HIGH",
             *         "maxScore": 14,
             *         "acceptableBy": [
             *           "SECURITY_COORDINATOR"
             *         ],
             *         "maxAcceptanceDays": 90
             *       },
             *       {
             *         "level": "VERY_HIGH",
             *         "maxScore": 25,
             *         "acceptableBy": [],
             *         "maxAcceptanceDays": 0
             *       }
             *     ]
             */
            bands: components["schemas"]["LevelBandRequest"][];
        };
        RiskLevelChangeResponse: {
            /**
             * @description The risk
             * @example 7d0c3a52-0a39-4c1b-9f1e-2f8f3f2c1a10
             */
            riskId: string;
            /**
             * @description The risk's title
             * @example Olåst läkemedelsrum
             */
            title: string;
            /**
             * @description The primary security area
             * @example PHARMACEUTICALS
             */
            area: string;
            /**
             * @description The organisational unit
             * @example AVD12
             */
            unit: string;
            /**
             * @description Of the headline assessment
             * @example 2
             */
            likelihood: number;
            /**
             * @description Of the headline assessment
             * @example 4
             */
            consequence: number;
            /**
             * @description Likelihood × consequence
             * @example 8
             */
            score: number;
            /**
             * @description The level it has now
             * @example MEDIUM
             * @enum {string}
             */
            level: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
            /**
             * @description The matrix version that gave it that level
             * @example 1
             */
            matrixVersion: number;
            /**
             * @description The level its next assessment at the same values would give under the proposal
             * @example HIGH
             * @enum {string}
             */
            proposedLevel: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
        };
        RiskMatrixPreviewResponse: {
            /**
             * @description The version the proposal would be published as
             * @example 2
             */
            proposedVersion: number;
            /**
             * @description Open, assessed risks the caller may see: each would need review once the proposal is in force
             * @example 42
             */
            assessedOpenRisks: number;
            /** @description Those of them whose level the proposal would change, in the register order */
            changes: components["schemas"]["RiskLevelChangeResponse"][];
        };
        RiskMatrixPublishedResponse: {
            /**
             * @description The version just published, in force from now on
             * @example 2
             */
            version: number;
        };
        ReportingStageResponse: {
            /**
             * @description The stage in Swedish
             * @example Tidig varning
             */
            sv: string;
            /**
             * @description The stage in English
             * @example Early warning
             */
            en: string;
            /**
             * @description Hours from discovery; null: without delay (utan dröjsmål)
             * @example 24
             */
            withinHours: number | null;
        };
        ReportingObligationResponse: {
            /**
             * @description The obligation code
             * @example MSB_SIGNIFICANT_IT_INCIDENT
             */
            code: string;
            /**
             * @description The authority the report goes to
             * @example MSB
             * @enum {string}
             */
            authority: "ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER";
            /**
             * @description What is reported, in Swedish
             * @example Betydande IT-incident (cybersäkerhetslagen)
             */
            sv: string;
            /**
             * @description What is reported, in English
             * @example Significant IT incident (Cybersecurity Act, NIS2)
             */
            en: string;
            /**
             * @description The kinds of incident it applies to
             * @example [
             *       "IT_INCIDENT"
             *     ]
             */
            kinds: ("DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT")[];
            /**
             * @description Applies also to any incident where personal data was affected
             * @example false
             */
            personalData: boolean;
            /** @description The reports in the order they fall due, each counted from discovery */
            stages: components["schemas"]["ReportingStageResponse"][];
            /**
             * @description One of the four seeded, not added by the region
             * @example true
             */
            builtIn: boolean;
            /**
             * @description Retired: owed by no incident from then on
             * @example false
             */
            retired: boolean;
            /**
             * @description Why it was retired
             * @example null
             */
            retiredReason: Record<string, never> | null;
            /**
             * @description When it was registered
             * @example 2026-01-15T09:00:00.000Z
             */
            registeredAt: string;
            /**
             * @description When it last changed
             * @example 2026-03-02T10:30:00.000Z
             */
            updatedAt: string;
            /**
             * @description Who changed it last
             * @example anna.berg@region.se
             */
            updatedBy: string;
        };
        ReportingStageRequest: {
            /**
             * @description The stage in Swedish
             * @example Tidig varning
             */
            sv: string;
            /**
             * @description The stage in English
             * @example Early warning
             */
            en: string;
            /**
             * @description Hours from discovery; null: without delay (utan dröjsmål), due from the moment of discovery
             * @example 24
             */
            withinHours: number | null;
        };
        RegisterReportingObligationRequest: {
            /**
             * @description The authority the report goes to
             * @example MSB
             * @enum {string}
             */
            authority: "ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER";
            /**
             * @description What is reported, in Swedish
             * @example Betydande IT-incident (cybersäkerhetslagen)
             */
            sv: string;
            /**
             * @description What is reported, in English
             * @example Significant IT incident (Cybersecurity Act, NIS2)
             */
            en: string;
            /**
             * @description The kinds of incident it applies to (may be empty when personalData is true)
             * @example [
             *       "IT_INCIDENT"
             *     ]
             */
            kinds: ("DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT")[];
            /**
             * @description It also applies to any incident where personal data was affected
             * @example false
             */
            personalData: boolean;
            /**
             * @description The reports in the order they fall due, 1 to 5, each counted from discovery
             * @example [
             *       {
             *         "sv": "Tidig varning",
             *         "en": "Early warning",
             *         "withinHours": 24
             *       },
             *       {
             *         "sv": "Incidentanmälan",
             *         "en": "Incident notification",
             *         "withinHours": 72
             *       }
             *     ]
             */
            stages: components["schemas"]["ReportingStageRequest"][];
            /**
             * @description A new code: 2 to 64 upper-case letters, digits or _, starting with a letter
             * @example MSB_SIGNIFICANT_IT_INCIDENT
             */
            code: string;
        };
        ReportingObligationChangedResponse: {
            /**
             * @description The obligation code
             * @example MSB_SIGNIFICANT_IT_INCIDENT
             */
            code: string;
            /**
             * @description The obligation's version after the change (use it in If-Match)
             * @example 2
             */
            version: number;
        };
        ReportingObligationBodyRequest: {
            /**
             * @description The authority the report goes to
             * @example MSB
             * @enum {string}
             */
            authority: "ARBETSMILJOVERKET" | "IVO" | "IMY" | "MSB" | "POLICE" | "OTHER";
            /**
             * @description What is reported, in Swedish
             * @example Betydande IT-incident (cybersäkerhetslagen)
             */
            sv: string;
            /**
             * @description What is reported, in English
             * @example Significant IT incident (Cybersecurity Act, NIS2)
             */
            en: string;
            /**
             * @description The kinds of incident it applies to (may be empty when personalData is true)
             * @example [
             *       "IT_INCIDENT"
             *     ]
             */
            kinds: ("DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT")[];
            /**
             * @description It also applies to any incident where personal data was affected
             * @example false
             */
            personalData: boolean;
            /**
             * @description The reports in the order they fall due, 1 to 5, each counted from discovery
             * @example [
             *       {
             *         "sv": "Tidig varning",
             *         "en": "Early warning",
             *         "withinHours": 24
             *       },
             *       {
             *         "sv": "Incidentanmälan",
             *         "en": "Incident notification",
             *         "withinHours": 72
             *       }
             *     ]
             */
            stages: components["schemas"]["ReportingStageRequest"][];
        };
        RetireReportingObligationRequest: {
            /**
             * @description Why the obligation no longer applies
             * @example Replaced by the obligation under the new law
             */
            reason: string;
        };
        SignInConfigurationResponse: {
            /**
             * @description The OpenID provider: the region's issuer URL, or the path /dev-issuer (resolve it against the console's own origin) in development mode
             * @example https://login.region.se/realms/vgr
             */
            authority: string;
            /**
             * @description The console's client id at the provider
             * @example riskledger-console
             */
            clientId: string;
            /**
             * @description The scopes to ask for
             * @example openid profile
             */
            scope: string;
            /**
             * @description True when the provider is the API's development issuer (a local run, not production)
             * @example false
             */
            developmentIssuer: boolean;
        };
        OpenIdConfigurationResponse: {
            /**
             * @description The iss of every token the issuer signs
             * @example urn:riskledger:development-issuer
             */
            issuer: string;
            /**
             * @description Where the browser is sent to sign in
             * @example http://localhost:3000/dev-issuer/authorize
             */
            authorization_endpoint: string;
            /**
             * @description Where the client exchanges a code for tokens
             * @example http://localhost:3000/dev-issuer/token
             */
            token_endpoint: string;
            /**
             * @description Where the browser is sent to sign out
             * @example http://localhost:3000/dev-issuer/end-session
             */
            end_session_endpoint: string;
            /**
             * @description The public keys tokens are signed with
             * @example http://localhost:3000/dev-issuer/jwks
             */
            jwks_uri: string;
            /**
             * @description Only code
             * @example [
             *       "code"
             *     ]
             */
            response_types_supported: string[];
            /**
             * @description Only authorization_code
             * @example [
             *       "authorization_code"
             *     ]
             */
            grant_types_supported: string[];
            /**
             * @description Only S256
             * @example [
             *       "S256"
             *     ]
             */
            code_challenge_methods_supported: string[];
            /**
             * @description Subjects are the same for every client
             * @example [
             *       "public"
             *     ]
             */
            subject_types_supported: string[];
            /**
             * @description Id tokens are signed with ES256
             * @example [
             *       "ES256"
             *     ]
             */
            id_token_signing_alg_values_supported: string[];
            /**
             * @description The scopes known
             * @example [
             *       "openid",
             *       "profile"
             *     ]
             */
            scopes_supported: string[];
        };
        JwkResponse: {
            /**
             * @description Key type
             * @example EC
             */
            kty: string;
            /**
             * @description Curve
             * @example P-256
             */
            crv: string;
            /**
             * @description x coordinate, base64url
             * @example f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU
             */
            x: string;
            /**
             * @description y coordinate, base64url
             * @example x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0
             */
            y: string;
            /**
             * @description The key's id, as in the tokens' kid header
             * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
             */
            kid: string;
            /**
             * @description The algorithm
             * @example ES256
             */
            alg: string;
            /**
             * @description What the key is for: sig (signatures)
             * @example sig
             */
            use: string;
        };
        JwksResponse: {
            /** @description The signing keys in use */
            keys: components["schemas"]["JwkResponse"][];
        };
        DevelopmentUserRequest: {
            /**
             * @description The user id: recorded as the actor of events
             * @example anna.berg
             */
            subject: string;
            /**
             * @description The display name
             * @example Anna Berg
             */
            name: string;
            /**
             * @description The role held
             * @example SECURITY_COORDINATOR
             * @enum {string}
             */
            role: "ADMINISTRATOR" | "SECURITY_COORDINATOR" | "AREA_RESPONSIBLE" | "RISK_OWNER" | "REPORTER" | "INVESTIGATOR" | "INTEGRATION";
            /**
             * @description Organisational unit codes the role holds for (their subtrees); none: all
             * @example [
             *       "SU-ONK"
             *     ]
             */
            units?: string[];
            /**
             * @description Security area codes the role holds for; none: all
             * @example [
             *       "FIRE_SAFETY"
             *     ]
             */
            areas?: string[];
            /**
             * @description Cleared for protective-security (säkerhetsskydd) risks
             * @example false
             */
            cleared: boolean;
            /**
             * @description How long the session and its tokens last, in minutes (default 480); down to a quarter of a minute, so that an expired session can be tried without waiting
             * @example 480
             */
            sessionMinutes?: number;
        };
        SignInRequest: {
            /**
             * @description Only the authorization code flow: code
             * @example code
             */
            response_type: string;
            /**
             * @description The client: the web console
             * @example riskledger-console
             */
            client_id: string;
            /**
             * @description Where the browser returns with the code; must be on this server
             * @example http://localhost:3000/inloggad
             */
            redirect_uri: string;
            /**
             * @description The client's state, returned unchanged with the code
             * @example 6f1c3a0e9b2d4c7a8e5f0b1d2c3a4e5f
             */
            state?: string;
            /**
             * @description PKCE: base64url(SHA-256(code_verifier))
             * @example E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM
             */
            code_challenge: string;
            /**
             * @description PKCE method: only S256
             * @example S256
             */
            code_challenge_method: string;
            /**
             * @description Space-separated scopes; openid and profile are known
             * @example openid profile
             */
            scope?: string;
            /**
             * @description Returned in the id token, against replay
             * @example 9d1a6c2b0e7f4a3b
             */
            nonce?: string;
            /**
             * @description none: sign in silently with the session cookie, or answer login_required (ignored when posted)
             * @example none
             */
            prompt?: string;
            /**
             * @description Only query (the default)
             * @example query
             */
            response_mode?: string;
            /**
             * @description Ignored: the user is chosen on the page
             * @example anna
             */
            login_hint?: string;
            /**
             * @description Ignored: the page follows the console
             * @example sv
             */
            ui_locales?: string;
            /**
             * @description Ignored by the development issuer
             * @example eyJhbGciOi…
             */
            id_token_hint?: string;
            /**
             * @description Ignored by the development issuer
             * @example 3600
             */
            max_age?: string;
            /**
             * @description Ignored by the development issuer
             * @example page
             */
            display?: string;
            /**
             * @description Who signs in
             * @example {
             *       "subject": "anna.berg",
             *       "name": "Anna Berg",
             *       "role": "SECURITY_COORDINATOR",
             *       "cleared": false,
             *       "sessionMinutes": 480
             *     }
             */
            user: components["schemas"]["DevelopmentUserRequest"];
        };
        AuthorizationResponse: {
            /**
             * @description Where the page sends the browser: redirect_uri with code and state
             * @example http://localhost:3000/inloggad?code=Zm9yIGV4YW1wbGUgb25seQ&state=6f1c3a0e
             */
            location: string;
        };
        TokenRequest: {
            /**
             * @description Only authorization_code
             * @example authorization_code
             */
            grant_type: string;
            /**
             * @description The code from the authorization redirect
             * @example Zm9yIGV4YW1wbGUgb25seSwgbm90IGEgcmVhbCBjb2RlIGF0IGFsbA
             */
            code: string;
            /**
             * @description The redirect_uri of the authorization request, exactly
             * @example http://localhost:3000/inloggad
             */
            redirect_uri: string;
            /**
             * @description The client the code was issued to
             * @example riskledger-console
             */
            client_id: string;
            /**
             * @description PKCE: the secret whose S256 challenge the authorization request carried
             * @example dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk
             */
            code_verifier: string;
        };
        TokenResponse: {
            /**
             * @description Bearer token for this API: the role and its scope, name and clearance
             * @example eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbm5hLmJlcmcifQ.c2lnbmF0dXJl
             */
            access_token: string;
            /**
             * @description OpenID Connect id token: sub, name, nonce; audience the client
             * @example eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbm5hLmJlcmcifQ.c2lnbmF0dXJl
             */
            id_token: string;
            /**
             * @description Always Bearer
             * @example Bearer
             */
            token_type: string;
            /**
             * @description Seconds until both tokens expire (the session ends)
             * @example 28800
             */
            expires_in: number;
            /**
             * @description The scopes granted
             * @example openid profile
             */
            scope: string;
        };
        TokenErrorResponse: {
            /**
             * @description invalid_grant (code unknown, used, expired or not matching) or invalid_request
             * @example invalid_grant
             */
            error: string;
            /**
             * @description Why, in words
             * @example code_verifier does not match code_challenge
             */
            error_description: string;
        };
        ImportProblemResponse: {
            /**
             * @description The row as the spreadsheet numbers it (1 is the header row); null: the whole file
             * @example 7
             */
            row: number | null;
            /**
             * @description The column's header as the file writes it; null when no one column is meant
             * @example Enhet
             */
            column: string | null;
            /**
             * @description What is wrong, for programs
             * @example unknown-unit
             * @enum {string}
             */
            code: "unreadable-file" | "unknown-column" | "duplicate-column" | "missing-column" | "no-rows" | "too-many-rows" | "required" | "too-long" | "not-a-score" | "score-without-pair" | "not-a-date" | "unknown-area" | "unknown-unit" | "unknown-value" | "description-or-scenario" | "outside-scope" | "not-cleared" | "unit-code" | "duplicate-unit" | "unit-registered-differently" | "unknown-parent" | "domain-rule";
            /**
             * @description What is wrong, in the language asked for (lang)
             * @example ”HN-W99” är ingen registrerad, öppen enhet (ange enhetens kod)
             */
            message: string;
        };
        ImportReportResponse: {
            /**
             * @description SHA-256 of the file as sent (hex): the import’s identity
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            fileSha256: string;
            /**
             * @description Carried by every event the import appends (X-Correlation-Id, or generated)
             * @example import-2026-12
             */
            correlationId: string;
            /**
             * @description true: checked only, nothing appended
             * @example true
             */
            dryRun: boolean;
            /**
             * @description Rows with anything in them below the header row
             * @example 120
             */
            rows: number;
            /**
             * @description Rows that were appended (in a dry run: would be, if there were no problems); 0 when any row has a problem, since an import appends every row or none
             * @example 118
             */
            created: number;
            /**
             * @description Rows this same file already imported (or, for units, already registered alike)
             * @example 2
             */
            alreadyImported: number;
            /** @description Everything wrong with the file, row by row; empty when it can be imported */
            problems: components["schemas"]["ImportProblemResponse"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListRisksController_list: {
        parameters: {
            query?: {
                /** @description Only risks in this security area, as their primary or an additional area */
                area?: string;
                /** @description Only risks of this organisational unit (its code, or the text given) */
                unit?: string;
                /** @description With unit: also the risks of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only risks at this level now (the current assessment, or the inherent one while no current assessment exists) */
                level?: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
                /** @description Only open or only closed risks */
                status?: "OPEN" | "CLOSED";
                /** @description Only risks owned by this person */
                owner?: string;
                /** @description Only risks of this classification (RESTRICTED ones only a cleared caller sees) */
                classification?: "OPEN" | "RESTRICTED";
                /** @description true: only open risks that need review (an incident linked since the last review or assessment, or assessed with an older matrix version); false: only those that do not */
                needsReview?: boolean;
                /** @description true: only open risks whose next review date has passed; false: the others */
                reviewOverdue?: boolean;
                /** @description true: only open risks with a planned or started mitigation past its due date; false: the others */
                mitigationOverdue?: boolean;
                /** @description Free text: risks whose title, description or scenario (cause, event, consequence) contains it, in any case */
                q?: string;
                /** @description Only open risks whose next review date is on or before this day (YYYY-MM-DD), overdue ones included; with reviewOverdue=false only those not yet overdue */
                reviewDueBefore?: string;
                /** @description Only risks with an acceptance in force that lapses on or before this day (YYYY-MM-DD) */
                acceptanceLapsesBefore?: string;
                /** @description With likelihood and/or consequence: the assessment they refer to, counted as GET /risks/matrix counts it (CURRENT: the current assessment, or the inherent one while no current exists); alone: only risks assessed on this basis */
                basis?: "INHERENT" | "CURRENT" | "TARGET";
                /** @description Needs basis: only risks whose assessment of that basis has this likelihood */
                likelihood?: number;
                /** @description Needs basis: only risks whose assessment of that basis has this consequence */
                consequence?: number;
                /** @description The register as it was at this moment (ISO 8601 with time zone), computed from the event log rather than the live register: risks as they stood then, also those changed since. The filters apply to the risks as they stood then; units and visibility follow the organisation as it stands now */
                asOf?: string;
                /** @description Sort by this field, descending with a leading "-" (level: LOW < MEDIUM < HIGH < VERY_HIGH; risks without a value last either way); by default identifiedAt */
                sort?: "identifiedAt" | "-identifiedAt" | "score" | "-score" | "level" | "-level" | "inherentScore" | "-inherentScore" | "targetScore" | "-targetScore" | "nextReviewDate" | "-nextReviewDate" | "title" | "-title" | "area" | "-area" | "unit" | "-unit" | "owner" | "-owner" | "status" | "-status" | "updatedAt" | "-updatedAt";
                /** @description Page size, 1 to 500 */
                limit?: number;
                /** @description Risks to skip (paging) */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskRegisterPageResponse"];
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    IdentifyRiskController_identify: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentifyRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentifyRiskResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExportRisksController_export: {
        parameters: {
            query?: {
                /** @description Only risks in this security area, as their primary or an additional area */
                area?: string;
                /** @description Only risks of this organisational unit (its code, or the text given) */
                unit?: string;
                /** @description With unit: also the risks of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only risks at this level now (the current assessment, or the inherent one while no current assessment exists) */
                level?: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
                /** @description Only open or only closed risks */
                status?: "OPEN" | "CLOSED";
                /** @description Only risks owned by this person */
                owner?: string;
                /** @description Only risks of this classification (RESTRICTED ones only a cleared caller sees) */
                classification?: "OPEN" | "RESTRICTED";
                /** @description true: only open risks that need review (an incident linked since the last review or assessment, or assessed with an older matrix version); false: only those that do not */
                needsReview?: boolean;
                /** @description true: only open risks whose next review date has passed; false: the others */
                reviewOverdue?: boolean;
                /** @description true: only open risks with a planned or started mitigation past its due date; false: the others */
                mitigationOverdue?: boolean;
                /** @description Free text: risks whose title, description or scenario (cause, event, consequence) contains it, in any case */
                q?: string;
                /** @description Only open risks whose next review date is on or before this day (YYYY-MM-DD), overdue ones included; with reviewOverdue=false only those not yet overdue */
                reviewDueBefore?: string;
                /** @description Only risks with an acceptance in force that lapses on or before this day (YYYY-MM-DD) */
                acceptanceLapsesBefore?: string;
                /** @description With likelihood and/or consequence: the assessment they refer to, counted as GET /risks/matrix counts it (CURRENT: the current assessment, or the inherent one while no current exists); alone: only risks assessed on this basis */
                basis?: "INHERENT" | "CURRENT" | "TARGET";
                /** @description Needs basis: only risks whose assessment of that basis has this likelihood */
                likelihood?: number;
                /** @description Needs basis: only risks whose assessment of that basis has this consequence */
                consequence?: number;
                /** @description Sort by this field, descending with a leading "-"; by default identifiedAt */
                sort?: "identifiedAt" | "-identifiedAt" | "score" | "-score" | "level" | "-level" | "inherentScore" | "-inherentScore" | "targetScore" | "-targetScore" | "nextReviewDate" | "-nextReviewDate" | "title" | "-title" | "area" | "-area" | "unit" | "-unit" | "owner" | "-owner" | "status" | "-status" | "updatedAt" | "-updatedAt";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A header row (riskId, title, scenario, areas, unit, owner, status, classification, inherentLevel, inherentScore, currentLevel, currentScore, targetLevel, targetScore, nextReviewDate, needsReview, acceptanceLapsesOn, openMitigations), then one row per risk; current is the headline assessment (the inherent one while no current exists) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    ExportRisksController_exportFile: {
        parameters: {
            query?: {
                /** @description Only risks in this security area, as their primary or an additional area */
                area?: string;
                /** @description Only risks of this organisational unit (its code, or the text given) */
                unit?: string;
                /** @description With unit: also the risks of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only risks at this level now (the current assessment, or the inherent one while no current assessment exists) */
                level?: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
                /** @description Only open or only closed risks */
                status?: "OPEN" | "CLOSED";
                /** @description Only risks owned by this person */
                owner?: string;
                /** @description Only risks of this classification (RESTRICTED ones only a cleared caller sees) */
                classification?: "OPEN" | "RESTRICTED";
                /** @description true: only open risks that need review (an incident linked since the last review or assessment, or assessed with an older matrix version); false: only those that do not */
                needsReview?: boolean;
                /** @description true: only open risks whose next review date has passed; false: the others */
                reviewOverdue?: boolean;
                /** @description true: only open risks with a planned or started mitigation past its due date; false: the others */
                mitigationOverdue?: boolean;
                /** @description Free text: risks whose title, description or scenario (cause, event, consequence) contains it, in any case */
                q?: string;
                /** @description Only open risks whose next review date is on or before this day (YYYY-MM-DD), overdue ones included; with reviewOverdue=false only those not yet overdue */
                reviewDueBefore?: string;
                /** @description Only risks with an acceptance in force that lapses on or before this day (YYYY-MM-DD) */
                acceptanceLapsesBefore?: string;
                /** @description With likelihood and/or consequence: the assessment they refer to, counted as GET /risks/matrix counts it (CURRENT: the current assessment, or the inherent one while no current exists); alone: only risks assessed on this basis */
                basis?: "INHERENT" | "CURRENT" | "TARGET";
                /** @description Needs basis: only risks whose assessment of that basis has this likelihood */
                likelihood?: number;
                /** @description Needs basis: only risks whose assessment of that basis has this consequence */
                consequence?: number;
                /** @description Sort by this field, descending with a leading "-"; by default identifiedAt */
                sort?: "identifiedAt" | "-identifiedAt" | "score" | "-score" | "level" | "-level" | "inherentScore" | "-inherentScore" | "targetScore" | "-targetScore" | "nextReviewDate" | "-nextReviewDate" | "title" | "-title" | "area" | "-area" | "unit" | "-unit" | "owner" | "-owner" | "status" | "-status" | "updatedAt" | "-updatedAt";
                /** @description csv (RFC 4180, UTF-8, English headers, codes) or xlsx (a spreadsheet: headers and labels in the language of lang, typed cells, a second sheet naming the filters); the Accept header text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet does the same; csv when neither says */
                format?: "csv" | "xlsx";
                /** @description The language of an xlsx file: sv (default) or en (the CSV headers); area names, levels and statuses follow it */
                lang?: "sv" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV: a header row (riskId, title, scenario, areas, unit, owner, status, classification, inherentLevel, inherentScore, currentLevel, currentScore, targetLevel, targetScore, nextReviewDate, needsReview, acceptanceLapsesOn, openMitigations), then one row per risk. XLSX: the same columns. Saved as riskregister-<Swedish date>.csv or .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["AccessRefusedResponse"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    RiskMatrixCountsController_counts: {
        parameters: {
            query?: {
                /** @description Only risks in this security area, as their primary or an additional area */
                area?: string;
                /** @description Only risks of this organisational unit (its code, or the text given) */
                unit?: string;
                /** @description With unit: also the risks of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only risks at this level now (the current assessment, or the inherent one while no current assessment exists) */
                level?: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
                /** @description Only open or only closed risks */
                status?: "OPEN" | "CLOSED";
                /** @description Only risks owned by this person */
                owner?: string;
                /** @description Only risks of this classification (RESTRICTED ones only a cleared caller sees) */
                classification?: "OPEN" | "RESTRICTED";
                /** @description true: only open risks that need review (an incident linked since the last review or assessment, or assessed with an older matrix version); false: only those that do not */
                needsReview?: boolean;
                /** @description true: only open risks whose next review date has passed; false: the others */
                reviewOverdue?: boolean;
                /** @description true: only open risks with a planned or started mitigation past its due date; false: the others */
                mitigationOverdue?: boolean;
                /** @description Free text: risks whose title, description or scenario (cause, event, consequence) contains it, in any case */
                q?: string;
                /** @description Only open risks whose next review date is on or before this day (YYYY-MM-DD), overdue ones included; with reviewOverdue=false only those not yet overdue */
                reviewDueBefore?: string;
                /** @description Only risks with an acceptance in force that lapses on or before this day (YYYY-MM-DD) */
                acceptanceLapsesBefore?: string;
                /** @description With likelihood and/or consequence: the assessment they refer to, counted as GET /risks/matrix counts it (CURRENT: the current assessment, or the inherent one while no current exists); alone: only risks assessed on this basis */
                basis?: "INHERENT" | "CURRENT" | "TARGET";
                /** @description Needs basis: only risks whose assessment of that basis has this likelihood */
                likelihood?: number;
                /** @description Needs basis: only risks whose assessment of that basis has this consequence */
                consequence?: number;
                /** @description The register as it was at this moment (ISO 8601 with time zone), computed from the event log rather than the live register: risks as they stood then, also those changed since. The filters apply to the risks as they stood then; units and visibility follow the organisation as it stands now */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskMatrixCountsResponse"];
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    RegisterChangesController_changes: {
        parameters: {
            query: {
                /** @description Only risks in this security area, as their primary or an additional area */
                area?: string;
                /** @description Only risks of this organisational unit (its code, or the text given) */
                unit?: string;
                /** @description With unit: also the risks of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only risks at this level now (the current assessment, or the inherent one while no current assessment exists) */
                level?: "LOW" | "MEDIUM" | "HIGH" | "VERY_HIGH";
                /** @description Only open or only closed risks */
                status?: "OPEN" | "CLOSED";
                /** @description Only risks owned by this person */
                owner?: string;
                /** @description Only risks of this classification (RESTRICTED ones only a cleared caller sees) */
                classification?: "OPEN" | "RESTRICTED";
                /** @description true: only open risks that need review (an incident linked since the last review or assessment, or assessed with an older matrix version); false: only those that do not */
                needsReview?: boolean;
                /** @description true: only open risks whose next review date has passed; false: the others */
                reviewOverdue?: boolean;
                /** @description true: only open risks with a planned or started mitigation past its due date; false: the others */
                mitigationOverdue?: boolean;
                /** @description Free text: risks whose title, description or scenario (cause, event, consequence) contains it, in any case */
                q?: string;
                /** @description Only open risks whose next review date is on or before this day (YYYY-MM-DD), overdue ones included; with reviewOverdue=false only those not yet overdue */
                reviewDueBefore?: string;
                /** @description Only risks with an acceptance in force that lapses on or before this day (YYYY-MM-DD) */
                acceptanceLapsesBefore?: string;
                /** @description With likelihood and/or consequence: the assessment they refer to, counted as GET /risks/matrix counts it (CURRENT: the current assessment, or the inherent one while no current exists); alone: only risks assessed on this basis */
                basis?: "INHERENT" | "CURRENT" | "TARGET";
                /** @description Needs basis: only risks whose assessment of that basis has this likelihood */
                likelihood?: number;
                /** @description Needs basis: only risks whose assessment of that basis has this consequence */
                consequence?: number;
                /** @description The earlier moment (ISO 8601 with time zone) */
                from: string;
                /** @description The later moment (ISO 8601 with time zone); now if it is in the future */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterChangesResponse"];
                };
            };
            /** @description A moment or filter is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    RiskOverviewController_overview: {
        parameters: {
            query?: {
                /** @description Only risks in this security area, as their primary or an additional area */
                area?: string;
                /** @description Only risks of this organisational unit (its code, or the text given) */
                unit?: string;
                /** @description With unit: also the risks of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only risks owned by this person */
                owner?: string;
                /** @description Only risks of this classification (RESTRICTED ones only a cleared caller sees) */
                classification?: "OPEN" | "RESTRICTED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskOverviewResponse"];
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    RiskTrendController_trend: {
        parameters: {
            query?: {
                /** @description Only risks in this security area, as their primary or an additional area */
                area?: string;
                /** @description Only risks of this organisational unit (its code, or the text given) */
                unit?: string;
                /** @description With unit: also the risks of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description How many months, the running one included; 24 by default */
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskTrendResponse"];
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    GetRiskController_get: {
        parameters: {
            query?: {
                /** @description The risk as the register held it at this moment (ISO 8601 with time zone), computed from the event log rather than the live register */
                asOf?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskRegisterEntryResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk in the register (at that moment), or none the caller may see (outside their units and areas, or restricted and the caller not cleared) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetRiskHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs history.read: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AssessRiskController_assess: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessRiskResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlanMitigationController_plan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanMitigationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanMitigationResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ApplyMitigationController_apply: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
                /**
                 * @description The mitigation's id (from planning it)
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                mitigationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyMitigationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk, or no such mitigation planned on it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StartMitigationController_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
                /**
                 * @description The mitigation's id (from planning it)
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                mitigationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartMitigationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk, or no such mitigation on it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    VerifyMitigationController_verify: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
                /**
                 * @description The mitigation's id (from planning it)
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                mitigationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyMitigationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk, or no such mitigation on it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CancelMitigationController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
                /**
                 * @description The mitigation's id (from planning it)
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                mitigationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelMitigationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk, or no such mitigation on it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AssignRiskOwnerController_assign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignRiskOwnerRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AcceptRiskController_accept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptRiskResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.accept: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RevokeRiskAcceptanceController_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
                /**
                 * @description The acceptance's id (from accepting the risk)
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                acceptanceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeRiskAcceptanceRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.accept: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk, or no such acceptance of it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReviewRiskController_review: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RequestReassessmentsController_request: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestReassessmentsRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestReassessmentsResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CloseRiskController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReopenRiskController_reopen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The risk's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReopenRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such risk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListIncidentsController_list: {
        parameters: {
            query?: {
                /** @description Only incidents in this security area (its code) */
                area?: string;
                /** @description Only incidents of this organisational unit (its code, or the text given when reported) */
                unit?: string;
                /** @description With unit: also the incidents of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only this kind */
                kind?: "DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT";
                /** @description Only incidents whose handling stands here */
                status?: "REPORTED" | "INVESTIGATED" | "ACTIONS_DECIDED" | "CLOSED" | "DISMISSED";
                /** @description Only incidents of at least this severity, 1 to 5 (those without one are left out) */
                minSeverity?: number;
                /** @description Only incidents that occurred at or after this moment (ISO 8601 with time zone) */
                occurredFrom?: string;
                /** @description Only incidents that occurred at or before this moment (ISO 8601 with time zone) */
                occurredTo?: string;
                /** @description Free text: incidents whose title or description contains it, in any case */
                q?: string;
                /** @description true: only incidents still handled (not CLOSED or DISMISSED); false: the others */
                open?: boolean;
                /** @description true: only incidents whose kind requires an outward report (to an authority) not yet made; false: the others */
                outwardReportsMissing?: boolean;
                /** @description Sort by this field, descending with a leading "-"; by default -occurredAt */
                sort?: "occurredAt" | "-occurredAt" | "reportedAt" | "-reportedAt" | "severity" | "-severity" | "title" | "-title" | "kind" | "-kind" | "area" | "-area" | "status" | "-status";
                /** @description Page size, 1 to 500 */
                limit?: number;
                /** @description Incidents to skip (paging) */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentRegisterPageResponse"];
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    ReportIncidentController_report: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIncidentRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportIncidentResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.report: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExportIncidentsController_export: {
        parameters: {
            query?: {
                /** @description Only incidents in this security area (its code) */
                area?: string;
                /** @description Only incidents of this organisational unit (its code, or the text given when reported) */
                unit?: string;
                /** @description With unit: also the incidents of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only this kind */
                kind?: "DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT";
                /** @description Only incidents whose handling stands here */
                status?: "REPORTED" | "INVESTIGATED" | "ACTIONS_DECIDED" | "CLOSED" | "DISMISSED";
                /** @description Only incidents of at least this severity, 1 to 5 (those without one are left out) */
                minSeverity?: number;
                /** @description Only incidents that occurred at or after this moment (ISO 8601 with time zone) */
                occurredFrom?: string;
                /** @description Only incidents that occurred at or before this moment (ISO 8601 with time zone) */
                occurredTo?: string;
                /** @description Free text: incidents whose title or description contains it, in any case */
                q?: string;
                /** @description true: only incidents still handled (not CLOSED or DISMISSED); false: the others */
                open?: boolean;
                /** @description true: only incidents whose kind requires an outward report (to an authority) not yet made; false: the others */
                outwardReportsMissing?: boolean;
                /** @description Sort by this field, descending with a leading "-"; by default -occurredAt */
                sort?: "occurredAt" | "-occurredAt" | "reportedAt" | "-reportedAt" | "severity" | "-severity" | "title" | "-title" | "kind" | "-kind" | "area" | "-area" | "status" | "-status";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A header row, then one row per incident */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    ExportIncidentsController_exportFile: {
        parameters: {
            query?: {
                /** @description Only incidents in this security area (its code) */
                area?: string;
                /** @description Only incidents of this organisational unit (its code, or the text given when reported) */
                unit?: string;
                /** @description With unit: also the incidents of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only this kind */
                kind?: "DEFICIENCY" | "DEVIATION" | "NEAR_MISS" | "SERIOUS_NEAR_MISS" | "ACCIDENT" | "CARE_INJURY" | "IT_INCIDENT";
                /** @description Only incidents whose handling stands here */
                status?: "REPORTED" | "INVESTIGATED" | "ACTIONS_DECIDED" | "CLOSED" | "DISMISSED";
                /** @description Only incidents of at least this severity, 1 to 5 (those without one are left out) */
                minSeverity?: number;
                /** @description Only incidents that occurred at or after this moment (ISO 8601 with time zone) */
                occurredFrom?: string;
                /** @description Only incidents that occurred at or before this moment (ISO 8601 with time zone) */
                occurredTo?: string;
                /** @description Free text: incidents whose title or description contains it, in any case */
                q?: string;
                /** @description true: only incidents still handled (not CLOSED or DISMISSED); false: the others */
                open?: boolean;
                /** @description true: only incidents whose kind requires an outward report (to an authority) not yet made; false: the others */
                outwardReportsMissing?: boolean;
                /** @description Sort by this field, descending with a leading "-"; by default -occurredAt */
                sort?: "occurredAt" | "-occurredAt" | "reportedAt" | "-reportedAt" | "severity" | "-severity" | "title" | "-title" | "kind" | "-kind" | "area" | "-area" | "status" | "-status";
                /** @description csv (RFC 4180, UTF-8, English headers, codes) or xlsx (a spreadsheet: headers and labels in the language of lang, typed cells, a second sheet naming the filters); the Accept header text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet does the same; csv when neither says */
                format?: "csv" | "xlsx";
                /** @description The language of an xlsx file: sv (default) or en (the CSV headers); area names, levels and statuses follow it */
                lang?: "sv" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV: as GET /incidents/export.csv. XLSX: the same columns. Saved as incidentregister-<Swedish date>.csv or .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["AccessRefusedResponse"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    IncidentOverviewController_overview: {
        parameters: {
            query?: {
                /** @description Only incidents in this security area (its code) */
                area?: string;
                /** @description Only incidents of this organisational unit (its code, or the text given when reported) */
                unit?: string;
                /** @description With unit: also the incidents of every unit below it in the organisational tree */
                includeSubunits?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentOverviewResponse"];
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    ListReportingDeadlinesController_list: {
        parameters: {
            query?: {
                /** @description Page size, 1 to 500 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingDeadlinesResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    GetIncidentController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentWithClockResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident in the register (yet), or none the caller may see (outside their units and areas, or, for a reporter, reported by someone else) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AssessPersonalDataController_assess: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessPersonalDataRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.manage: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LinkIncidentToRiskController_link: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkIncidentToRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.manage: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvestigateIncidentController_investigateIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvestigateIncidentRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.manage: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DecideIncidentActionsController_decide: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideIncidentActionsRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.manage: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportIncidentToAuthorityController_reportIncidentToAuthority: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIncidentToAuthorityRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.manage: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CloseIncidentController_closeIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseIncidentRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.manage: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DismissIncidentController_dismissIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DismissIncidentRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs incidents.manage: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetIncidentHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs history.read: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetIncidentChainController_chain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The incident's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainEntryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs history.read: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such incident in the traceability log (yet) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListTraceabilityController_list: {
        parameters: {
            query?: {
                /** @description Only entries of this risk or incident */
                streamId?: string;
                /** @description Only entries of risks, or of incidents */
                streamType?: "risk" | "incident" | "goal" | "security-area" | "organisation" | "risk-matrix" | "reporting-obligation" | "access-record" | "reminder";
                /** @description Only what this person or system did (the X-Actor of the change) */
                actor?: string;
                /** @description Only entries of risks and incidents in this security area (a code of GET /security-areas, e.g. WORK_ENVIRONMENT, FIRE_SAFETY, OPERATIONAL_RELIABILITY) */
                area?: string;
                /** @description Only entries of risks and incidents of this organisational unit (its code) */
                unit?: string;
                /** @description With unit: also the entries of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only events of this type */
                eventType?: string;
                /** @description Only events of this flow (the X-Correlation-Id of the requests) */
                correlationId?: string;
                /** @description Only events this request, event or incident caused (their causation id) */
                causationId?: string;
                /** @description Only entries recorded at or after this time (ISO 8601, with time zone) */
                from?: string;
                /** @description Only entries recorded before this time (ISO 8601, with time zone) */
                to?: string;
                /** @description Cursor: only entries after this log position (the last position of the previous page, also given in the Link header when there may be more) */
                after?: number;
                /** @description Page size */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description How many entries the filters find in all pages (on the first page only) */
                    "X-Total-Count"?: number;
                    /** @description The next page (rel="next"), when this page is full */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TraceabilityEntryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs log.read: one of the roles SECURITY_COORDINATOR, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    ExportTraceabilityController_export: {
        parameters: {
            query?: {
                /** @description Only entries of this risk or incident */
                streamId?: string;
                /** @description Only entries of risks, or of incidents */
                streamType?: "risk" | "incident" | "goal" | "security-area" | "organisation" | "risk-matrix" | "reporting-obligation" | "access-record" | "reminder";
                /** @description Only what this person or system did (the X-Actor of the change) */
                actor?: string;
                /** @description Only entries of risks and incidents in this security area (a code of GET /security-areas, e.g. WORK_ENVIRONMENT, FIRE_SAFETY, OPERATIONAL_RELIABILITY) */
                area?: string;
                /** @description Only entries of risks and incidents of this organisational unit (its code) */
                unit?: string;
                /** @description With unit: also the entries of every unit below it in the organisational tree */
                includeSubunits?: boolean;
                /** @description Only events of this type */
                eventType?: string;
                /** @description Only events of this flow (the X-Correlation-Id of the requests) */
                correlationId?: string;
                /** @description Only events this request, event or incident caused (their causation id) */
                causationId?: string;
                /** @description Only entries recorded at or after this time (ISO 8601, with time zone) */
                from?: string;
                /** @description Only entries recorded before this time (ISO 8601, with time zone) */
                to?: string;
                /** @description csv (RFC 4180, UTF-8, English headers, codes) or xlsx (a spreadsheet: headers and labels in the language of lang, typed cells, a second sheet naming the filters); the Accept header text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet does the same; csv when neither says */
                format?: "csv" | "xlsx";
                /** @description The language of an xlsx file: sv (default) or en (the CSV headers); area names, levels and statuses follow it */
                lang?: "sv" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Saved as handelselogg-<Swedish date>.csv or .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs log.read: one of the roles SECURITY_COORDINATOR, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["AccessRefusedResponse"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    GetTraceabilityEventController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The record's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                position: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TraceabilityEventResponse"];
                };
            };
            /** @description The position is not a whole number */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs log.read: one of the roles SECURITY_COORDINATOR, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No entry there, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetFollowedEventsController_followed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The record's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                position: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowedEventsResponse"];
                };
            };
            /** @description The position is not a whole number */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs log.read: one of the roles SECURITY_COORDINATOR, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No entry there, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StartCaseFileController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartCaseFileRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFileJobResponse"];
                };
            };
            /** @description Neither a stream nor a time range; the message names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs log.read: one of the roles SECURITY_COORDINATOR, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The log has no such stream */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetCaseFileController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The record's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFileJobResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs log.read: one of the roles SECURITY_COORDINATOR, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such case file of the caller (or it was forgotten) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DownloadCaseFileController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The record's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Saved as akt-<time>.zip */
            200: {
                headers: {
                    /** @description SHA-256 (hex) of events.jsonl */
                    "X-Events-Sha256"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs log.read: one of the roles SECURITY_COORDINATOR, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such case file of the caller (or it was forgotten) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description It is still being made, or it failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetIntegrityController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrityReportResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs log.read: one of the roles SECURITY_COORDINATOR, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    LiveController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Both answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description At least one does not; the body says which */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready; the body gives backlog and lag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not ready; the body says what is behind or down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListDeadLettersController_list: {
        parameters: {
            query?: {
                /** @description Only those not re-driven yet */
                pending?: boolean;
                /** @description Page size */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs operations: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    RedriveDeadLetterController_redrive: {
        parameters: {
            query?: never;
            header: {
                /** @description Who re-drives it */
                "X-Actor": string;
            };
            path: {
                /**
                 * @description The dead letter's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Re-driven; the record as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs operations: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such dead letter */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Kafka is not reachable; nothing was sent */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AsyncApiController_document: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description AsyncAPI 3.0 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AsyncApiController_page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AsyncApiController_schema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A published event version, e.g. RiskAssessed.v2 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetricsController_consumerLag: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { groups: [{ groupId, total, partitions: [...] }] } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs operations: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    MetricsController_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListGoalsController_list: {
        parameters: {
            query?: {
                /** @description Only goals of this security area */
                area?: string;
                /** @description Only goals set for this year */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalRegisterEntryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs goals.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    SetGoalController_set: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetGoalRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetGoalResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs goals.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExportGoalsController_export: {
        parameters: {
            query?: {
                /** @description Only goals of this security area */
                area?: string;
                /** @description Only goals set for this year */
                year?: number;
                /** @description csv (RFC 4180, UTF-8, English headers, codes) or xlsx (a spreadsheet: headers and labels in the language of lang, typed cells, a second sheet naming the filters); the Accept header text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet does the same; csv when neither says */
                format?: "csv" | "xlsx";
                /** @description The language of an xlsx file: sv (default) or en (the CSV headers); area names, levels and statuses follow it */
                lang?: "sv" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Saved as mal-<Swedish date>.csv or .xlsx */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description A query value is wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs goals.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["AccessRefusedResponse"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    GetGoalController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the goal */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalRegisterEntryResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs goals.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such goal in the goal register */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MeasureIndicatorController_measure: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /** @description Id of the goal */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasureIndicatorRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureIndicatorResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs goals.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such goal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReviseGoalController_revise: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /** @description Id of the goal */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseGoalRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs goals.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such goal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WithdrawGoalController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /** @description Id of the goal */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawGoalRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalVersionResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs goals.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such goal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetAnnualSecurityReportController_getPdf: {
        parameters: {
            query?: {
                /** @description Only this security area (also a retired one the log names) */
                area?: string;
                /** @description Read the log as recorded up to this moment (ISO 8601 with time zone; now when left out). The report states the moment it read up to: asking again with it gives the same report. */
                asOf?: string;
                /** @description json (default), csv (one row per area), xlsx (the same table as a spreadsheet: Swedish headers and area names unless lang=en, counts as numbers, a frozen header row, a second sheet noting the year, area and log position), markdown (a readable text), html or pdf (the säkerhetsberättelse as a document for the board, Swedish unless lang=en; the PDF is tagged, printed by Chromium from the same HTML); the Accept header text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/markdown, text/html or application/pdf does the same */
                format?: "json" | "csv" | "xlsx" | "markdown" | "html" | "pdf";
                /** @description The language of an xlsx file: sv (default) or en (the CSV headers); area names, levels and statuses follow it */
                lang?: "sv" | "en";
            };
            header?: never;
            path: {
                /** @description The year reported on */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A year, area, asOf or lang that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reports.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description Chromium is missing: the body says how to install it */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetAnnualSecurityReportController_get: {
        parameters: {
            query?: {
                /** @description Only this security area (also a retired one the log names) */
                area?: string;
                /** @description Read the log as recorded up to this moment (ISO 8601 with time zone; now when left out). The report states the moment it read up to: asking again with it gives the same report. */
                asOf?: string;
                /** @description json (default), csv (one row per area), xlsx (the same table as a spreadsheet: Swedish headers and area names unless lang=en, counts as numbers, a frozen header row, a second sheet noting the year, area and log position), markdown (a readable text), html or pdf (the säkerhetsberättelse as a document for the board, Swedish unless lang=en; the PDF is tagged, printed by Chromium from the same HTML); the Accept header text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/markdown, text/html or application/pdf does the same */
                format?: "json" | "csv" | "xlsx" | "markdown" | "html" | "pdf";
                /** @description The language of an xlsx file: sv (default) or en (the CSV headers); area names, levels and statuses follow it */
                lang?: "sv" | "en";
            };
            header?: never;
            path: {
                /** @description The year reported on */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnualSecurityReportResponse"];
                    "text/csv": components["schemas"]["AnnualSecurityReportResponse"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["AnnualSecurityReportResponse"];
                    "text/markdown": components["schemas"]["AnnualSecurityReportResponse"];
                    "text/html": components["schemas"]["AnnualSecurityReportResponse"];
                    "application/pdf": components["schemas"]["AnnualSecurityReportResponse"];
                };
            };
            /** @description A year, area, asOf or format that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reports.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, INVESTIGATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                    "text/csv": components["schemas"]["AccessRefusedResponse"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["AccessRefusedResponse"];
                    "text/markdown": components["schemas"]["AccessRefusedResponse"];
                    "text/html": components["schemas"]["AccessRefusedResponse"];
                    "application/pdf": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description A PDF was asked for and Chromium is missing: the body says how to install it */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListSecurityAreasController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityAreaResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    RegisterSecurityAreaController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterSecurityAreaRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityAreaChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AssignSecurityAreaResponsibleController_assign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /** @description The area code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignSecurityAreaResponsibleRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityAreaChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such security area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RetireSecurityAreaController_retire: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /** @description The area code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireSecurityAreaRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityAreaChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such security area */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListOrganisationalUnitsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationalUnitResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    RegisterOrganisationalUnitController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterOrganisationalUnitRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetOrganisationalUnitController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unit's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationalUnitResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such organisational unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RenameOrganisationalUnitController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /** @description The unit's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameOrganisationalUnitRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such organisational unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MoveOrganisationalUnitController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /** @description The unit's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveOrganisationalUnitRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such organisational unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CloseOrganisationalUnitController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /** @description The unit's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseOrganisationalUnitRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such organisational unit */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListRiskMatricesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskMatrixResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    PublishRiskMatrixController_publish: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRiskMatrixRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskMatrixPublishedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetCurrentRiskMatrixController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskMatrixResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    GetRiskMatrixController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The matrix version */
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskMatrixResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such version has been published */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PreviewRiskMatrixController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRiskMatrixRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskMatrixPreviewResponse"];
                };
            };
            /** @description The matrix would be refused on publishing; the message names the field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    ListReportingObligationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingObligationResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.read: one of the roles ADMINISTRATOR, SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER, REPORTER, INVESTIGATOR, INTEGRATION */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    RegisterReportingObligationController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterReportingObligationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingObligationChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReviseReportingObligationController_revise: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The record's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportingObligationBodyRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingObligationChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such reporting obligation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RetireReportingObligationController_retire: {
        parameters: {
            query?: never;
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
                /** @description Append only if the risk is still at this version */
                "If-Match"?: string;
            };
            path: {
                /**
                 * @description The record's id
                 * @example 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10
                 */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireReportingObligationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingObligationChangedResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description No such reporting obligation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetSignInConfigurationController_configuration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInConfigurationResponse"];
                };
            };
        };
    };
    DevelopmentIssuerDiscoveryController_configuration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenIdConfigurationResponse"];
                };
            };
        };
    };
    DevelopmentIssuerDiscoveryController_jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwksResponse"];
                };
            };
        };
    };
    DevelopmentIssuerAuthorizeController_authorize: {
        parameters: {
            query: {
                /** @description Only the authorization code flow: code */
                response_type: string;
                /** @description The client: the web console */
                client_id: string;
                /** @description Where the browser returns with the code; must be on this server */
                redirect_uri: string;
                /** @description The client's state, returned unchanged with the code */
                state?: string;
                /** @description PKCE: base64url(SHA-256(code_verifier)) */
                code_challenge: string;
                /** @description PKCE method: only S256 */
                code_challenge_method: string;
                /** @description Space-separated scopes; openid and profile are known */
                scope?: string;
                /** @description Returned in the id token, against replay */
                nonce?: string;
                /** @description none: sign in silently with the session cookie, or answer login_required (ignored when posted) */
                prompt?: string;
                /** @description Only query (the default) */
                response_mode?: string;
                /** @description Ignored: the user is chosen on the page */
                login_hint?: string;
                /** @description Ignored: the page follows the console */
                ui_locales?: string;
                /** @description Ignored by the development issuer */
                id_token_hint?: string;
                /** @description Ignored by the development issuer */
                max_age?: string;
                /** @description Ignored by the development issuer */
                display?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the sign-in page, or back to redirect_uri */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A foreign redirect_uri or an unsupported request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevelopmentIssuerAuthorizeController_signInAs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationResponse"];
                };
            };
            /** @description A field is missing or wrong; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevelopmentIssuerTokenController_exchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenErrorResponse"];
                };
            };
        };
    };
    DevelopmentIssuerEndSessionController_endSession: {
        parameters: {
            query?: {
                /** @description Where to return after signing out; only on this server, else to / */
                post_logout_redirect_uri?: string;
                /** @description Returned unchanged */
                state?: string;
                /** @description Ignored by the development issuer */
                id_token_hint?: string;
                /** @description Ignored by the development issuer */
                client_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To post_logout_redirect_uri (with state), or to / */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetImportTemplateController_risks: {
        parameters: {
            query?: {
                /** @description xlsx (default: headers with notes, a sheet explaining the columns, the areas and units in use) or csv (the header row only) */
                format?: "csv" | "xlsx";
                /** @description The language of the headers and explanations: sv (default) or en */
                lang?: "sv" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template, saved as riskimport.xlsx (or .csv, enhetsimport.*) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["AccessRefusedResponse"];
                    "text/csv; charset=utf-8": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    GetImportTemplateController_units: {
        parameters: {
            query?: {
                /** @description xlsx (default: headers with notes, a sheet explaining the columns, the areas and units in use) or csv (the header row only) */
                format?: "csv" | "xlsx";
                /** @description The language of the headers and explanations: sv (default) or en */
                lang?: "sv" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template, saved as riskimport.xlsx (or .csv, enhetsimport.*) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["AccessRefusedResponse"];
                    "text/csv; charset=utf-8": components["schemas"]["AccessRefusedResponse"];
                };
            };
        };
    };
    ImportsController_importRisks: {
        parameters: {
            query?: {
                /** @description true: check every row and report, append nothing */
                dryRun?: boolean;
                /** @description The language of the problems: sv (default) or en; each also has a code */
                lang?: "sv" | "en";
            };
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The file itself as the body (not a form): CSV (UTF-8 or Windows-1252; comma, semicolon or tab separated) or XLSX (the first sheet), Content-Type text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream. The header row names the columns of the template, in Swedish or English; at most 50,000 rows. */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The dry run: what the import would do. With Accept: application/x-ndjson, any import answers 200 with its progress a JSON line at a time ({"progress": {phase, done, total}}, phase checking then appending) and last a line with the status and body it would have answered ({"status": 201, "body": report}) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportResponse"];
                };
            };
            /** @description Imported */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs risks.write: one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE, RISK_OWNER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Some rows have problems: nothing was appended; the body names each */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportResponse"];
                };
            };
        };
    };
    ImportsController_importUnits: {
        parameters: {
            query?: {
                /** @description true: check every row and report, append nothing */
                dryRun?: boolean;
                /** @description The language of the problems: sv (default) or en; each also has a code */
                lang?: "sv" | "en";
            };
            header?: {
                /** @description Groups the events of one flow; generated when absent */
                "X-Correlation-Id"?: string;
                /** @description What caused this change (an incident id or an event id), recorded as the causation of its events; the request id when absent */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The file itself as the body (not a form): CSV (UTF-8 or Windows-1252; comma, semicolon or tab separated) or XLSX (the first sheet), Content-Type text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream. The header row names the columns of the template, in Swedish or English; at most 50,000 rows. */
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The dry run: what the import would do. With Accept: application/x-ndjson, any import answers 200 with its progress a JSON line at a time ({"progress": {phase, done, total}}, phase checking then appending) and last a line with the status and body it would have answered ({"status": 201, "body": report}) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportResponse"];
                };
            };
            /** @description Imported */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportResponse"];
                };
            };
            /** @description Invalid input; the message names the field. Nothing is appended. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Needs reference.write: one of the roles ADMINISTRATOR */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRefusedResponse"];
                };
            };
            /** @description The risk has moved on (If-Match), or the change breaks a rule of the domain. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Some rows have problems: nothing was appended; the body names each */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportResponse"];
                };
            };
        };
    };
}
