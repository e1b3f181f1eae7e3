/**
 * Generated from the server's OpenAPI document by `npm run openapi` (scripts/openapi.ts).
 * Do not edit: change the route's zod schemas and regenerate. test/openapi.test.ts fails when
 * this file is out of date.
 */

export type paths = {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            calendar: {
                                missingYears: number[];
                            };
                            /** @enum {string} */
                            db: "pglite" | "postgres";
                            runtime: string;
                            /** @enum {string} */
                            status: "ok";
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 问责记录 you may see, newest first (drafts: supervisors over the target only); filters unitId (target at or under), personId, taskId, kind, status, q (title) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    kind?: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                    limit?: number;
                    personId?: number;
                    q?: string;
                    status?: "draft" | "issued" | "explained" | "closed";
                    taskId?: number;
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                closedAt: string | null;
                                closedBy: {
                                    id: number;
                                    name: string;
                                } | null;
                                conclusion: string | null;
                                createdAt: string;
                                createdBy: {
                                    id: number;
                                    name: string;
                                } | null;
                                evidence: {
                                    id?: number;
                                    /** @enum {string} */
                                    kind: "task" | "citizen_request" | "link";
                                    note?: string;
                                }[];
                                explainedAt: string | null;
                                explainedBy: {
                                    id: number;
                                    name: string;
                                } | null;
                                explanation: string | null;
                                id: number;
                                issuedAt: string | null;
                                issuedBy: {
                                    id: number;
                                    name: string;
                                } | null;
                                /** @enum {string} */
                                kind: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                                kindName: string;
                                /** @enum {string} */
                                origin: "manual" | "escalation" | "public_flag";
                                reason: string;
                                /** @enum {string} */
                                status: "draft" | "issued" | "explained" | "closed";
                                statusName: string;
                                targetPerson: {
                                    id: number;
                                    name: string;
                                } | null;
                                targetUnit: {
                                    id: number;
                                    name: string;
                                };
                                taskId: number | null;
                                title: string;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建 a record (提醒 / 约谈 / 通报批评 / 诫勉 / 问责建议) as a draft against a unit in your region, or a person working there; evidence: tasks, citizen requests, links */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidence?: {
                            id?: number;
                            /** @enum {string} */
                            kind: "task" | "citizen_request" | "link";
                            note?: string;
                        }[];
                        /** @enum {string} */
                        kind: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                        reason: string;
                        targetPersonId?: number | null;
                        targetUnitId: number;
                        taskId?: number | null;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "issue" | "explain" | "close")[];
                            /** @description Evidence files; download from /api/v1/accountability/{id}/attachments/{aid} */
                            attachments: {
                                contentType: string;
                                createdAt: string;
                                fileName: string;
                                id: number;
                                sha256: string;
                                size: number;
                                uploadedBy: string;
                            }[];
                            /** @description May the caller attach an evidence file now (a supervisor over the target, the record not closed) */
                            canAttach: boolean;
                            closedAt: string | null;
                            closedBy: {
                                id: number;
                                name: string;
                            } | null;
                            conclusion: string | null;
                            createdAt: string;
                            createdBy: {
                                id: number;
                                name: string;
                            } | null;
                            evidence: {
                                id?: number;
                                /** @enum {string} */
                                kind: "task" | "citizen_request" | "link";
                                note?: string;
                            }[];
                            explainedAt: string | null;
                            explainedBy: {
                                id: number;
                                name: string;
                            } | null;
                            explanation: string | null;
                            id: number;
                            issuedAt: string | null;
                            issuedBy: {
                                id: number;
                                name: string;
                            } | null;
                            /** @enum {string} */
                            kind: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                            kindName: string;
                            /** @enum {string} */
                            origin: "manual" | "escalation" | "public_flag";
                            reason: string;
                            /** @enum {string} */
                            status: "draft" | "issued" | "explained" | "closed";
                            statusName: string;
                            targetPerson: {
                                id: number;
                                name: string;
                            } | null;
                            targetUnit: {
                                id: number;
                                name: string;
                            };
                            taskId: number | null;
                            title: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A record, with the actions you may take on it (edit, issue, explain, close) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "issue" | "explain" | "close")[];
                            /** @description Evidence files; download from /api/v1/accountability/{id}/attachments/{aid} */
                            attachments: {
                                contentType: string;
                                createdAt: string;
                                fileName: string;
                                id: number;
                                sha256: string;
                                size: number;
                                uploadedBy: string;
                            }[];
                            /** @description May the caller attach an evidence file now (a supervisor over the target, the record not closed) */
                            canAttach: boolean;
                            closedAt: string | null;
                            closedBy: {
                                id: number;
                                name: string;
                            } | null;
                            conclusion: string | null;
                            createdAt: string;
                            createdBy: {
                                id: number;
                                name: string;
                            } | null;
                            evidence: {
                                id?: number;
                                /** @enum {string} */
                                kind: "task" | "citizen_request" | "link";
                                note?: string;
                            }[];
                            explainedAt: string | null;
                            explainedBy: {
                                id: number;
                                name: string;
                            } | null;
                            explanation: string | null;
                            id: number;
                            issuedAt: string | null;
                            issuedBy: {
                                id: number;
                                name: string;
                            } | null;
                            /** @enum {string} */
                            kind: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                            kindName: string;
                            /** @enum {string} */
                            origin: "manual" | "escalation" | "public_flag";
                            reason: string;
                            /** @enum {string} */
                            status: "draft" | "issued" | "explained" | "closed";
                            statusName: string;
                            targetPerson: {
                                id: number;
                                name: string;
                            } | null;
                            targetUnit: {
                                id: number;
                                name: string;
                            };
                            taskId: number | null;
                            title: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改草稿: the fields given, with the version (a draft only; 409 INVALID_TRANSITION after issue) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidence?: {
                            id?: number;
                            /** @enum {string} */
                            kind: "task" | "citizen_request" | "link";
                            note?: string;
                        }[];
                        /** @enum {string} */
                        kind?: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                        reason?: string;
                        targetPersonId?: number | null;
                        taskId?: number | null;
                        title?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "issue" | "explain" | "close")[];
                            /** @description Evidence files; download from /api/v1/accountability/{id}/attachments/{aid} */
                            attachments: {
                                contentType: string;
                                createdAt: string;
                                fileName: string;
                                id: number;
                                sha256: string;
                                size: number;
                                uploadedBy: string;
                            }[];
                            /** @description May the caller attach an evidence file now (a supervisor over the target, the record not closed) */
                            canAttach: boolean;
                            closedAt: string | null;
                            closedBy: {
                                id: number;
                                name: string;
                            } | null;
                            conclusion: string | null;
                            createdAt: string;
                            createdBy: {
                                id: number;
                                name: string;
                            } | null;
                            evidence: {
                                id?: number;
                                /** @enum {string} */
                                kind: "task" | "citizen_request" | "link";
                                note?: string;
                            }[];
                            explainedAt: string | null;
                            explainedBy: {
                                id: number;
                                name: string;
                            } | null;
                            explanation: string | null;
                            id: number;
                            issuedAt: string | null;
                            issuedBy: {
                                id: number;
                                name: string;
                            } | null;
                            /** @enum {string} */
                            kind: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                            kindName: string;
                            /** @enum {string} */
                            origin: "manual" | "escalation" | "public_flag";
                            reason: string;
                            /** @enum {string} */
                            status: "draft" | "issued" | "explained" | "closed";
                            statusName: string;
                            targetPerson: {
                                id: number;
                                name: string;
                            } | null;
                            targetUnit: {
                                id: number;
                                name: string;
                            };
                            taskId: number | null;
                            title: string;
                            version: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/accountability/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 添加证据: upload an evidence file (the raw file as the body, its name in x-file-name, percent-encoded) to a record not closed; a supervisor over the target; audited */
        post: {
            parameters: {
                query?: never;
                header: {
                    "x-file-name": string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            createdAt: string;
                            fileName: string;
                            id: number;
                            sha256: string;
                            size: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/{id}/attachments/{aid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file of a record you may see (404 otherwise, as for an unknown one) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    aid: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The file as uploaded, with its own content type (sniffed on upload), as an attachment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结案 an issued record (explained or not), with the conclusion */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conclusion: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "issue" | "explain" | "close")[];
                            /** @description Evidence files; download from /api/v1/accountability/{id}/attachments/{aid} */
                            attachments: {
                                contentType: string;
                                createdAt: string;
                                fileName: string;
                                id: number;
                                sha256: string;
                                size: number;
                                uploadedBy: string;
                            }[];
                            /** @description May the caller attach an evidence file now (a supervisor over the target, the record not closed) */
                            canAttach: boolean;
                            closedAt: string | null;
                            closedBy: {
                                id: number;
                                name: string;
                            } | null;
                            conclusion: string | null;
                            createdAt: string;
                            createdBy: {
                                id: number;
                                name: string;
                            } | null;
                            evidence: {
                                id?: number;
                                /** @enum {string} */
                                kind: "task" | "citizen_request" | "link";
                                note?: string;
                            }[];
                            explainedAt: string | null;
                            explainedBy: {
                                id: number;
                                name: string;
                            } | null;
                            explanation: string | null;
                            id: number;
                            issuedAt: string | null;
                            issuedBy: {
                                id: number;
                                name: string;
                            } | null;
                            /** @enum {string} */
                            kind: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                            kindName: string;
                            /** @enum {string} */
                            origin: "manual" | "escalation" | "public_flag";
                            reason: string;
                            /** @enum {string} */
                            status: "draft" | "issued" | "explained" | "closed";
                            statusName: string;
                            targetPerson: {
                                id: number;
                                name: string;
                            } | null;
                            targetUnit: {
                                id: number;
                                name: string;
                            };
                            taskId: number | null;
                            title: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/{id}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申辩 (提交说明): the person concerned — the target person, or the target unit’s heads — once, after issue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "issue" | "explain" | "close")[];
                            /** @description Evidence files; download from /api/v1/accountability/{id}/attachments/{aid} */
                            attachments: {
                                contentType: string;
                                createdAt: string;
                                fileName: string;
                                id: number;
                                sha256: string;
                                size: number;
                                uploadedBy: string;
                            }[];
                            /** @description May the caller attach an evidence file now (a supervisor over the target, the record not closed) */
                            canAttach: boolean;
                            closedAt: string | null;
                            closedBy: {
                                id: number;
                                name: string;
                            } | null;
                            conclusion: string | null;
                            createdAt: string;
                            createdBy: {
                                id: number;
                                name: string;
                            } | null;
                            evidence: {
                                id?: number;
                                /** @enum {string} */
                                kind: "task" | "citizen_request" | "link";
                                note?: string;
                            }[];
                            explainedAt: string | null;
                            explainedBy: {
                                id: number;
                                name: string;
                            } | null;
                            explanation: string | null;
                            id: number;
                            issuedAt: string | null;
                            issuedBy: {
                                id: number;
                                name: string;
                            } | null;
                            /** @enum {string} */
                            kind: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                            kindName: string;
                            /** @enum {string} */
                            origin: "manual" | "escalation" | "public_flag";
                            reason: string;
                            /** @enum {string} */
                            status: "draft" | "issued" | "explained" | "closed";
                            statusName: string;
                            targetPerson: {
                                id: number;
                                name: string;
                            } | null;
                            targetUnit: {
                                id: number;
                                name: string;
                            };
                            taskId: number | null;
                            title: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accountability/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 印发 a draft: the target person (or the target unit’s heads) is notified */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "issue" | "explain" | "close")[];
                            /** @description Evidence files; download from /api/v1/accountability/{id}/attachments/{aid} */
                            attachments: {
                                contentType: string;
                                createdAt: string;
                                fileName: string;
                                id: number;
                                sha256: string;
                                size: number;
                                uploadedBy: string;
                            }[];
                            /** @description May the caller attach an evidence file now (a supervisor over the target, the record not closed) */
                            canAttach: boolean;
                            closedAt: string | null;
                            closedBy: {
                                id: number;
                                name: string;
                            } | null;
                            conclusion: string | null;
                            createdAt: string;
                            createdBy: {
                                id: number;
                                name: string;
                            } | null;
                            evidence: {
                                id?: number;
                                /** @enum {string} */
                                kind: "task" | "citizen_request" | "link";
                                note?: string;
                            }[];
                            explainedAt: string | null;
                            explainedBy: {
                                id: number;
                                name: string;
                            } | null;
                            explanation: string | null;
                            id: number;
                            issuedAt: string | null;
                            issuedBy: {
                                id: number;
                                name: string;
                            } | null;
                            /** @enum {string} */
                            kind: "reminder" | "talk" | "criticism" | "admonition" | "recommendation";
                            kindName: string;
                            /** @enum {string} */
                            origin: "manual" | "escalation" | "public_flag";
                            reason: string;
                            /** @enum {string} */
                            status: "draft" | "issued" | "explained" | "closed";
                            statusName: string;
                            targetPerson: {
                                id: number;
                                name: string;
                            } | null;
                            targetUnit: {
                                id: number;
                                name: string;
                            };
                            taskId: number | null;
                            title: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    objectId?: string;
                    objectType?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorId: number | null;
                                actorLogin: string | null;
                                after: unknown;
                                at: string;
                                before: unknown;
                                clientIp: string | null;
                                hash: string;
                                objectId: string | null;
                                objectType: string;
                                seq: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chain; reports the first broken link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            firstBroken?: {
                                chain: number;
                                link: number;
                                reason: string;
                                seq: number | null;
                            };
                            ok: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录: sets the session cookie; writes then need the x-csrf-token header */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            user: components["schemas"]["User"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I; the CSRF token of this session; the server's date (Asia/Shanghai), which deadlines count from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string | null;
                            today: string;
                            user: components["schemas"]["User"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改密码: ends your other sessions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                id: number;
                                lastUsedAt: string | null;
                                name: string;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Issue an API token for an integration (Authorization: Bearer …); the secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of my API tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/add-workdays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The date N 工作日 after a date; estimated when it crosses a year with no schedule */
        get: {
            parameters: {
                query: {
                    from: string;
                    workdays: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            estimated: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each day from..to (at most 400 days): working day, weekend, holiday or makeup working day */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CalendarDay"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 日历年份: which years have a schedule, and which are missing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                holidays: number;
                                note: string | null;
                                /** @enum {string} */
                                source: "builtin" | "imported";
                                updatedAt: string | null;
                                workdays: number;
                                year: number;
                            }[];
                            missingYears: number[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One year's schedule: its holidays and makeup working days (调休上班), name per day */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            holidays: {
                                [key: string]: string;
                            };
                            /** @enum {string} */
                            source: "builtin" | "imported";
                            workdays: {
                                [key: string]: string;
                            };
                            year: number;
                        };
                    };
                };
            };
        };
        /** 导入或更正一年的日历 (replaces the built-in schedule of that year) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        holidays: {
                            [key: string]: string;
                        };
                        note?: string | null;
                        workdays: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Drop an imported year (the built-in schedule applies again) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 通知设置: my channels per kind (policy-locked ones marked), quiet hours, digest, mobile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelSettings"];
                    };
                };
            };
        };
        /** Save my 通知设置 (the inbox is always on; policy-locked channels stay on whatever is sent) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        choices: {
                            [key: string]: ("email" | "sms")[];
                        };
                        digest: boolean;
                        mobile?: string | null;
                        quietEnd: string | null;
                        quietStart: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelSettings"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 群机器人 (group robots): all for an admin, those of the region for a supervisor */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ChannelRobot"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a group robot (dingtalk, wecom, feishu) to a unit, with the kinds it carries ("tasks.*", exact kinds; none = all); urgentOnly: only urgent notices (督办 and above). The secret is never returned. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        kinds?: string[];
                        /** @default true */
                        mention?: boolean;
                        name: string;
                        /** @enum {string} */
                        provider: "dingtalk" | "wecom" | "feishu";
                        /** @default null */
                        secret?: string | null;
                        unitId: number;
                        /** @default false */
                        urgentOnly?: boolean;
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelRobot"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/robots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disable a robot */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a robot (name, address, secret, kinds, urgentOnly, mention, active) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        kinds?: string[];
                        mention?: boolean;
                        name?: string;
                        secret?: string | null;
                        urgentOnly?: boolean;
                        /** Format: uri */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelRobot"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/channels/robots/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发送测试消息: sent at once; ok false with the robot’s refusal (HTTP status, errcode) when it does not accept it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelTestResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/sms-gateway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 短信网关: its settings (header names only, no secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelSmsGateway"];
                    };
                };
            };
        };
        /** Set the SMS gateway: log (nothing leaves; demos) or http (URL, method, headers, body template with {mobile} and {text}; signed x-mashang-signature when a secret is set) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        bodyTemplate?: string;
                        /** @default {} */
                        headers?: {
                            [key: string]: string;
                        };
                        /** @enum {string} */
                        kind: "http" | "log";
                        /**
                         * @default POST
                         * @enum {string}
                         */
                        method?: "POST" | "PUT" | "GET";
                        secret?: string | null;
                        /**
                         * Format: uri
                         * @default null
                         */
                        url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelSmsGateway"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/sms-gateway/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发送测试短信 to the mobile given, or to the caller’s own */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mobile?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string | null;
                            mobile: string;
                            ok: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The requests you may see, newest first (the desk: its jurisdiction’s; a unit: those assigned to it). Filters status (submitted = the intake queue), type, category, unitId, overdue (queue past acknowledgeDue); contacts masked unless you need them */
        get: {
            parameters: {
                query?: {
                    category?: "roads" | "environment" | "water_power" | "housing" | "social_security" | "education" | "health" | "market" | "agriculture" | "government_service" | "other";
                    cursor?: string;
                    limit?: number;
                    overdue?: "true" | "false";
                    status?: "submitted" | "assigned" | "answered" | "rated" | "reopened" | "rectified" | "called_back" | "declined" | "merged" | "forwarded";
                    type?: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CitizenRequest"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request: its task and light, the reply, ratings (with the default once the window passed), call-backs, photos, and the actions you may take */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 交办: assign to a unit — creates its supervised task in the same transaction (deadline from resolveWorkdays by type; praise is forwarded instead). A returned request goes to its new unit by the task’s reassignment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        level?: "normal" | "key" | "major";
                        note?: string;
                        responsibleId?: number;
                        unitId: number;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回访: who called (you), when, what the citizen said; the citizen may then rate again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        calledAt?: string;
                        said: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予受理: out of scope, with the reason the citizen sees */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转达: praise goes to the unit it praises (no task) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        unitId: number;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 合并: a duplicate follows the request it is merged into (its citizen sees that one’s progress and reply) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        intoId: number;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo of the request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    photoId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description the photo */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/publishable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the citizen’s text (and rating comment) publishable in the public statistics, or not */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publishable: boolean;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/rectify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 整改: the unit records what it put right after a bad rating (due rectifyWorkdays after it); the desk then calls back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 答复群众: required before the task is submitted (409 REPLY_REQUIRED otherwise); the citizen sees it once the task is verified */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回 a misrouted request to the desk within returnWithinWorkdays of its assignment (the unit’s heads; through its task’s return). 409 RETURN_TOO_LATE after. The unit no longer sees it: the answer is only its new state */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "submitted";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-requests/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 连续两个月满意度排名末位的单位 (your region, or unitId’s subtree): for the supervisor’s workbench until the accountability records exist */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            months: string[];
                            units: {
                                rates: (number | null)[];
                                unitId: number;
                                unitName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outbound deliveries (email, webhook) and their failures */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "pending" | "sent" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                /** @enum {string} */
                                channel: "email" | "webhook" | "robot" | "sms";
                                id: number;
                                lastError: string | null;
                                nextAttemptAt: string;
                                notificationId: number;
                                sentAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "sent" | "failed";
                                target: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents you may see, newest first; filters: unit (and the units under it), kind, status, year, q (title or 文号) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    kind?: "document" | "single_topic" | "brief" | "report" | "speech_major" | "speech";
                    limit?: number;
                    q?: string;
                    status?: "draft" | "checked" | "issued";
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DocumentSummary"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 起草: a draft for your unit (or a unit you head), body pasted (or uploaded later as .docx) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body?: string;
                        /** @enum {string} */
                        kind: "document" | "single_topic" | "brief" | "report" | "speech_major" | "speech";
                        title: string;
                        unitId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document with its body, its last check, the actions you may take and the unit’s yearly count */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change title, kind or body (not once issued); a changed body or kind returns it to draft */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body?: string;
                        /** @enum {string} */
                        kind?: "document" | "single_topic" | "brief" | "report" | "speech_major" | "speech";
                        title?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/documents/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 文风体检 of the document: stored with it; the document becomes 已体检 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the body with the text of a .docx (the raw file as the body; its name in x-file-name, percent-encoded; the version in ?version=). Word files only, judged by content; at most 10 MB */
        post: {
            parameters: {
                query: {
                    version: number;
                };
                header: {
                    "x-file-name": string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 印发 with a 文号 (unique per unit and year); past last year’s count less the reduction, with a written explanation (409 DOCUMENT_QUOTA_EXPLANATION_REQUIRED otherwise) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        explanation?: string;
                        number: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 文风体检 of any text, saving nothing: 字数 against the kind’s limit, formulaic phrases with offsets, the opening passage (穿靴戴帽), repeats of issued documents, verdict and reasons */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "document" | "single_topic" | "brief" | "report" | "speech_major" | "speech";
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentCheck"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/phrases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 套话清单 in force (the shipped list until an admin stores one) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            isDefault: boolean;
                            phrases: string[];
                            updatedAt: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        /** Replace the 套话清单 (admins): non-empty phrases of at most 30 characters, at most 2,000, duplicates dropped; audited */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phrases: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            isDefault: boolean;
                            phrases: string[];
                            updatedAt: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics of the documents you may see: issued per unit and kind this year vs last year, average 字数, share over the limit, phrase density */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kinds: {
                                avgCharacters: number | null;
                                issuedLastYear: number;
                                issuedThisYear: number;
                                /** @enum {string} */
                                kind: "document" | "single_topic" | "brief" | "report" | "speech_major" | "speech";
                                overLimit: number;
                                total: number;
                            }[];
                            totals: {
                                avgCharacters: number | null;
                                avgPhrasesPer1000: number | null;
                                checked: number;
                                issuedLastYear: number;
                                issuedThisYear: number;
                                overLimit: number;
                                overLimitShare: number | null;
                                total: number;
                            };
                            units: {
                                issuedLastYear: number;
                                issuedThisYear: number;
                                unitId: number;
                                unitName: string;
                            }[];
                            year: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The visits you may see (yours; those of people you oversee), newest first; filters personId, unitId, placeId, year */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    personId?: number;
                    placeId?: number;
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FieldVisit"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 记录一线调研: people (yourself, or people you oversee), dates (whole days or a half day), kind, places, unannounced, purpose, findings. 201 with the visit and its findings */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        endDate: string;
                        findings?: {
                            category?: string;
                            placeId?: number;
                            problem: string;
                            /** @enum {string} */
                            severity?: "low" | "medium" | "high";
                        }[];
                        halfDay?: boolean;
                        /** @enum {string} */
                        kind: "survey" | "onsite" | "petition" | "stationed" | "inspection";
                        peopleMet?: string;
                        personIds: number[];
                        placeIds?: number[];
                        purpose: string;
                        seen?: string;
                        startDate: string;
                        unannounced?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FieldVisit"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A visit with its people, places and findings (each with its task’s light and status) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FieldVisit"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/{id}/findings/{fid}/task": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 调研成果转化: the finding becomes a supervised task (source research) in one transaction: lead unit (in your scope), responsible person, deadline (date or { workdays }), level (default by severity). 409 FINDING_HAS_TASK when it already did */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fid: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deadline: string | {
                            workdays: number;
                        };
                        leadUnitId: number;
                        /** @enum {string} */
                        level?: "normal" | "key" | "major";
                        responsibleId?: number;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/annual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度一线工作台账: everyone with a target in a unit’s subtree (default: your region; a unit head’s own unit) you oversee, with quota and counts */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FieldAnnual"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/annual.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The annual table as XLSX */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 年度一线工作台账 as an XLSX workbook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/behind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 滞后名单 for the workbench: people you oversee (a supervisor’s region, a unit head’s unit) more than behindMarginDays behind today */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FieldBehind"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Places (行政村/社区/企业/项目点/学校/卫生院) under a unit (default: your region); filters kind, tag, q */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    includeInactive?: "0" | "1" | "true" | "false";
                    kind?: "village" | "community" | "enterprise" | "project" | "school" | "clinic";
                    limit?: number;
                    q?: string;
                    tag?: "先进" | "后进" | "重点项目" | "脱贫村";
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ResearchPlace"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新增地点 under a township of your region (supervisors, admins); 409 PLACE_EXISTS for a name the township has */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "village" | "community" | "enterprise" | "project" | "school" | "clinic";
                        name: string;
                        /** @default [] */
                        tags?: ("先进" | "后进" | "重点项目" | "脱贫村")[];
                        townshipId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResearchPlace"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A place */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResearchPlace"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改地点: name, kind, tags, township, active (false retires it; old visits keep it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        /** @enum {string} */
                        kind?: "village" | "community" | "enterprise" | "project" | "school" | "clinic";
                        name?: string;
                        tags?: ("先进" | "后进" | "重点项目" | "脱贫村")[];
                        townshipId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResearchPlace"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/field-visits/places/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入地点 (XLSX body; columns 乡镇 (name or code), 名称, 类别, 标签): every row checked, any error imports nothing (400 IMPORT_INVALID, details.errors) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一线工作天数 of a person (default: you) for a year (default: this year): target, days, expectedByNow, shortfall, behind */
        get: {
            parameters: {
                query?: {
                    personId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FieldQuota"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/field-visits/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 覆盖与“盆景”检查 of a unit’s subtree (default: your region) for a year: villages no county-level leader visited, concentration (share to the most-visited tenth of places), 先进 vs 后进, unannounced share, findings turned into tasks and resolved — for the unit and per county-level leader */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FieldStats"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The meetings you may see, newest first; filters unitId (organiser at or under), kind, status, year, q (title) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    kind?: "comprehensive" | "standing" | "topic" | "department" | "video";
                    limit?: number;
                    q?: string;
                    status?: "pending_approval" | "planned" | "held" | "concluded" | "cancelled" | "refused";
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                chair: string | null;
                                createdAt: string;
                                decisionCount: number;
                                endsAt: string;
                                findings: components["schemas"]["MeetingFinding"][];
                                headcount: number;
                                id: number;
                                /** @enum {string} */
                                kind: "comprehensive" | "standing" | "topic" | "department" | "video";
                                online: boolean;
                                organizerUnit: {
                                    id: number;
                                    name: string;
                                };
                                overrideReason: string | null;
                                place: string | null;
                                /** @enum {string} */
                                scope: "region" | "internal";
                                slotMinutes: number;
                                startsAt: string;
                                /** @enum {string} */
                                status: "pending_approval" | "planned" | "held" | "concluded" | "cancelled" | "refused";
                                title: string;
                                updatedAt: string;
                                version: number;
                                year: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 计划会议: checked against 精文减会 (length, speeches, main speeches, comprehensive quota, yearly count, merge). 201 with the findings when nothing blocks; 409 MEETING_RULE_BLOCKED with details.findings when something blocks and there is no overrideReason; with one (≥ 15 characters) the meeting waits for a supervisor’s approval (status pending_approval) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agenda: {
                            minutes: number;
                            /** @enum {string} */
                            role: "main" | "other";
                            speaker?: string;
                            speakerId?: number;
                            topic?: string;
                        }[];
                        /** @default [] */
                        attendingUnitIds?: number[];
                        chair?: string;
                        endsAt: string;
                        headcount: number;
                        /** @enum {string} */
                        kind: "comprehensive" | "standing" | "topic" | "department" | "video";
                        online?: boolean;
                        organizerUnitId: number;
                        overrideReason?: string;
                        place?: string;
                        /**
                         * @default internal
                         * @enum {string}
                         */
                        scope?: "region" | "internal";
                        startsAt: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A meeting: plan, findings, agenda planned vs actual, decisions with their tasks’ lights, the actions you may take */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
            };
        };
        /** 修改计划 (before the meeting is held): the whole plan with its version, re-checked as when planned */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agenda: {
                            minutes: number;
                            /** @enum {string} */
                            role: "main" | "other";
                            speaker?: string;
                            speakerId?: number;
                            topic?: string;
                        }[];
                        /** @default [] */
                        attendingUnitIds?: number[];
                        chair?: string;
                        endsAt: string;
                        headcount: number;
                        /** @enum {string} */
                        kind: "comprehensive" | "standing" | "topic" | "department" | "video";
                        online?: boolean;
                        organizerUnitId: number;
                        overrideReason?: string;
                        place?: string;
                        /**
                         * @default internal
                         * @enum {string}
                         */
                        scope?: "region" | "internal";
                        startsAt: string;
                        title: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/agenda/{itemId}/actual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 计时: a speaker’s actual minutes ({ minutes }, or { startedAt, endedAt }); the first marks the meeting held */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    itemId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        endedAt?: string;
                        minutes?: number;
                        startedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actualMinutes: number;
                            itemId: number;
                            plannedMinutes: number;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批准 a plan that overrode a blocking finding (a supervisor over the organiser, not of it), with an optional comment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消 a meeting not yet held, with the reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/conclude": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 办结 (一次布置到位): every decision becomes a supervised task (source meeting), all in one transaction. 409 DECISIONS_INCOMPLETE (details.decisions) while one lacks lead unit, responsible person or deadline, or there is none; 403 when a lead unit is outside your scope (nothing is created) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 议定事项: add a decision (lead unit, responsible person, deadline as a date or { workdays }, level) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deadline?: (string | {
                            workdays: number;
                        }) | null;
                        description?: string | null;
                        leadUnitId?: number | null;
                        /** @enum {string} */
                        level?: "normal" | "key" | "major";
                        responsibleId?: number | null;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeetingDecision"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/decisions/{decisionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a decision (before the conclusion) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    decisionId: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a decision (the fields given; null clears one) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    decisionId: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deadline?: (string | {
                            workdays: number;
                        }) | null;
                        description?: string | null;
                        leadUnitId?: number | null;
                        /** @enum {string} */
                        level?: "normal" | "key" | "major";
                        responsibleId?: number | null;
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeetingDecision"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/meetings/{id}/minutes.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 会议纪要 (DOCX): the meeting’s data and its decisions with lead unit, responsible person and deadline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 会议纪要 as a Word document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予批准 a plan that overrode a blocking finding, with the reason (comment) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The findings of a plan without saving it, and what it would become (planned, pending_approval, blocked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agenda: {
                            minutes: number;
                            /** @enum {string} */
                            role: "main" | "other";
                            speaker?: string;
                            speakerId?: number;
                            topic?: string;
                        }[];
                        /** @default [] */
                        attendingUnitIds?: number[];
                        chair?: string;
                        endsAt: string;
                        headcount: number;
                        /** @enum {string} */
                        kind: "comprehensive" | "standing" | "topic" | "department" | "video";
                        online?: boolean;
                        organizerUnitId: number;
                        overrideReason?: string;
                        place?: string;
                        /**
                         * @default internal
                         * @enum {string}
                         */
                        scope?: "region" | "internal";
                        startsAt: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            findings: components["schemas"]["MeetingFinding"][];
                            /** @enum {string} */
                            outcome: "planned" | "pending_approval" | "blocked";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meetings/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 会议统计 of a unit’s subtree (default: your region) for a year (default: this year), over the meetings you may see: by kind this year vs last, average length planned vs actual, share of decisions with a task, share of those tasks on time */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeetingStats"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的消息 (my inbox), newest first, keyset paged */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    /** @description Leave these kinds out (comma-separated; "tasks.*" for a whole module) */
                    exceptKinds?: string;
                    /** @description Only these kinds (comma-separated; "tasks.*" for a whole module) */
                    kinds?: string;
                    limit?: number;
                    unread?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Notification"][];
                            nextCursor: string | null;
                            unreadCount: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的消息按类别计数 (my inbox counted by kind), for grouping the inbox */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kind: string;
                                total: number;
                                unread: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/open311-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client applications allowed to post through Open311 (keys are stored hashed; only their prefix is shown) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            keyPrefix: string;
                            name: string;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Issue a client key (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            /** @description shown once; store it in the client application */
                            key: string;
                            keyPrefix: string;
                            name: string;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/open311-clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a client key (posts with it are refused from now on) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            keyPrefix: string;
                            name: string;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员 (people you may see), keyset paged by id */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    includeInactive?: "0" | "1" | "true" | "false";
                    limit?: number;
                    q?: string;
                    role?: "admin" | "supervisor" | "leader" | "unit_head" | "staff";
                    under?: number;
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Person"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新增人员 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string | null;
                        login: string;
                        name: string;
                        password?: string;
                        phone?: string | null;
                        /** @enum {string} */
                        rank: "provincial" | "department" | "county" | "township" | "other";
                        rankSince?: string | null;
                        roles: ("admin" | "supervisor" | "leader" | "unit_head" | "staff")[];
                        title?: string | null;
                        unitId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 停用人员 (deactivate; ends their sessions) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改人员 (unit, roles, rank, active…) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        /** Format: email */
                        email?: string | null;
                        name?: string;
                        phone?: string | null;
                        /** @enum {string} */
                        rank?: "provincial" | "department" | "county" | "township" | "other";
                        rankSince?: string | null;
                        roles?: ("admin" | "supervisor" | "leader" | "unit_head" | "staff")[];
                        title?: string | null;
                        unitId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/people/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 重置密码 (admin sets a password; ends their sessions) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's API tokens (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                id: number;
                                lastUsedAt: string | null;
                                name: string;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a person's API token (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    tokenId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策参数: the numbers in force for your unit (or ?unitId=), with the defaults */
        get: {
            parameters: {
                query?: {
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            defaults: components["schemas"]["Policy"];
                            policy: components["schemas"]["Policy"];
                            unitId: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/overrides/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The overrides stored on one region */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            overrides: {
                                [key: string]: unknown;
                            };
                            unitId: number;
                        };
                    };
                };
            };
        };
        /** Set a region's overrides (a partial policy); refused unless the merged policy is valid */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            policy: components["schemas"]["Policy"];
                            unitId: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a citizen picks from: the request types with their time limits, the service categories, the rating levels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categories: {
                                code: string;
                                description: string;
                                group: string;
                                name: string;
                            }[];
                            ratingLevels: {
                                level: number;
                                name: string;
                            }[];
                            types: {
                                /** @enum {string} */
                                code: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
                                name: string;
                                resolveWorkdays: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交诉求 (anonymous): 201 with the tracking code — the citizen’s only key. Refused in Chinese: 400 SUBMISSION_REFUSED (the hidden `website` field was filled), 409 DUPLICATE_REQUEST (same description and place within a day), 429 (too many from this address) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: string;
                        /** @enum {string} */
                        category: "roads" | "environment" | "water_power" | "housing" | "social_security" | "education" | "health" | "market" | "agriculture" | "government_service" | "other";
                        contactName?: string;
                        contactPhone?: string;
                        description: string;
                        jurisdictionId?: number;
                        lat?: number;
                        long?: number;
                        /** @enum {string} */
                        type: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
                        website?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgeDue: string;
                            /** @description 查询码: the citizen’s only key to the request */
                            code: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/requests/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 凭查询码查询: progress, the reply once verified, whether it may be rated now (no contact, no staff names) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestPublic"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/requests/{code}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a photo before the request is taken in (the image as the body, its name in x-file-name, percent-encoded; images only, judged by their bytes; 5 MB, 3 per request) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "x-file-name": string;
                };
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            fileName: string;
                            id: number;
                            size: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/requests/{code}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 评价 (five levels, with a comment) once answered, or again after the call-back; 不满意/非常不满意 reopens the request. 409 RATING_REFUSED: rated already, not yet answered, or the window (ratingWindowDays) passed — then it counts as 基本满意 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        /** @description 5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意 */
                        level: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenRequestPublic"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公开统计 per unit of a jurisdiction for a year: volume, on-time rate, satisfaction; quotes only of what staff marked publishable; no personal data */
        get: {
            parameters: {
                query?: {
                    jurisdictionId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CitizenStats"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/windows/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The window behind a QR link (一次一评) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            unitName: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/windows/{code}/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate a window once per visit code (一次一评): 409 RATING_REFUSED when the code was used, 404 VISIT_NOT_FOUND when it is not this window’s */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        /** @description 5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意 */
                        level: number;
                        visitCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            level: number;
                            message: string;
                            unitName: string;
                            windowName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports you may see (drafts: supervisors over the unit), newest first; filters unitId (at or under), kind, status, year (of the period), q (title) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    kind?: "weekly" | "monthly" | "quarterly" | "annual" | "notice";
                    limit?: number;
                    q?: string;
                    status?: "draft" | "issued";
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                id: number;
                                issuedAt: string | null;
                                /** @enum {string} */
                                kind: "weekly" | "monthly" | "quarterly" | "annual" | "notice";
                                kindName: string;
                                number: string | null;
                                period: {
                                    from: string;
                                    key: string;
                                    to: string;
                                };
                                scheduled: boolean;
                                /** @enum {string} */
                                status: "draft" | "issued";
                                title: string;
                                unit: {
                                    id: number;
                                    name: string;
                                };
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 生成 a draft from data (red tasks, overdue units, escalations, on-time rates, rankings and model cases, citizen requests, meetings and documents, field days, accountability): kind weekly|monthly|quarterly|annual|notice, period 2026-W48|2026-11|2026-Q4|2026 (notice: also 2026-11-01..2026-11-30); 409 REPORT_EXISTS (details.id) for a periodic report that exists */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "weekly" | "monthly" | "quarterly" | "annual" | "notice";
                        period: string;
                        title?: string;
                        unitId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "refresh" | "issue")[];
                            createdAt: string;
                            date: string;
                            editedSections: string[];
                            id: number;
                            issuedAt: string | null;
                            /** @enum {string} */
                            kind: "weekly" | "monthly" | "quarterly" | "annual" | "notice";
                            kindName: string;
                            number: string | null;
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            scheduled: boolean;
                            sections: {
                                chart?: {
                                    categories: string[];
                                    series: {
                                        data: number[];
                                        name: string;
                                    }[];
                                } | null;
                                heading: string;
                                key: string;
                                table: {
                                    columns: string[];
                                    rows: (string | number)[][];
                                } | null;
                                text: string;
                            }[];
                            signer: string;
                            /** @enum {string} */
                            status: "draft" | "issued";
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report as JSON: title, 文号, sections (text, table, chart data), 落款, and the actions you may take (edit, refresh, issue) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "refresh" | "issue")[];
                            createdAt: string;
                            date: string;
                            editedSections: string[];
                            id: number;
                            issuedAt: string | null;
                            /** @enum {string} */
                            kind: "weekly" | "monthly" | "quarterly" | "annual" | "notice";
                            kindName: string;
                            number: string | null;
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            scheduled: boolean;
                            sections: {
                                chart?: {
                                    categories: string[];
                                    series: {
                                        data: number[];
                                        name: string;
                                    }[];
                                } | null;
                                heading: string;
                                key: string;
                                table: {
                                    columns: string[];
                                    rows: (string | number)[][];
                                } | null;
                                text: string;
                            }[];
                            signer: string;
                            /** @enum {string} */
                            status: "draft" | "issued";
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改 a draft: the title and sections’ texts by key (tables are data); 409 INVALID_TRANSITION once issued */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sections?: {
                            key: string;
                            text: string;
                        }[];
                        title?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "refresh" | "issue")[];
                            createdAt: string;
                            date: string;
                            editedSections: string[];
                            id: number;
                            issuedAt: string | null;
                            /** @enum {string} */
                            kind: "weekly" | "monthly" | "quarterly" | "annual" | "notice";
                            kindName: string;
                            number: string | null;
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            scheduled: boolean;
                            sections: {
                                chart?: {
                                    categories: string[];
                                    series: {
                                        data: number[];
                                        name: string;
                                    }[];
                                } | null;
                                heading: string;
                                key: string;
                                table: {
                                    columns: string[];
                                    rows: (string | number)[][];
                                } | null;
                                text: string;
                            }[];
                            signer: string;
                            /** @enum {string} */
                            status: "draft" | "issued";
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/reports/{id}.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as DOCX (official-notice layout: 版头, 文号, 标题, sections with tables, 落款 and date): an issued report’s file as stored at issue; a draft’s generated now, marked 草稿 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description the report as a Word document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as XLSX (正文 and one sheet per table): as stored at issue; a draft’s generated now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description the report as a workbook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 印发: the 文号 (next in the unit’s series of the kind this year), the date, and the DOCX and XLSX stored as issued; never changes after */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "refresh" | "issue")[];
                            createdAt: string;
                            date: string;
                            editedSections: string[];
                            id: number;
                            issuedAt: string | null;
                            /** @enum {string} */
                            kind: "weekly" | "monthly" | "quarterly" | "annual" | "notice";
                            kindName: string;
                            number: string | null;
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            scheduled: boolean;
                            sections: {
                                chart?: {
                                    categories: string[];
                                    series: {
                                        data: number[];
                                        name: string;
                                    }[];
                                } | null;
                                heading: string;
                                key: string;
                                table: {
                                    columns: string[];
                                    rows: (string | number)[][];
                                } | null;
                                text: string;
                            }[];
                            signer: string;
                            /** @enum {string} */
                            status: "draft" | "issued";
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 刷新数据 of a draft: tables from today’s data; texts you edited stay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: ("edit" | "refresh" | "issue")[];
                            createdAt: string;
                            date: string;
                            editedSections: string[];
                            id: number;
                            issuedAt: string | null;
                            /** @enum {string} */
                            kind: "weekly" | "monthly" | "quarterly" | "annual" | "notice";
                            kindName: string;
                            number: string | null;
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            scheduled: boolean;
                            sections: {
                                chart?: {
                                    categories: string[];
                                    series: {
                                        data: number[];
                                        name: string;
                                    }[];
                                } | null;
                                heading: string;
                                key: string;
                                table: {
                                    columns: string[];
                                    rows: (string | number)[][];
                                } | null;
                                text: string;
                            }[];
                            signer: string;
                            /** @enum {string} */
                            status: "draft" | "issued";
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 个人总结: yours, and the submitted ones of people under you (heads, supervisors, admins); filters personId, unitId, period, status */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    period?: string;
                    personId?: number;
                    status?: "draft" | "submitted";
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                items: {
                                    closedAt: string;
                                    done: string;
                                    lessons: string;
                                    result: string;
                                    taskId: number;
                                    title: string;
                                }[];
                                period: {
                                    from: string;
                                    key: string;
                                    to: string;
                                };
                                person: {
                                    id: number;
                                    name: string;
                                };
                                /** @enum {string} */
                                status: "draft" | "submitted";
                                submittedAt: string | null;
                                text: string;
                                unit: {
                                    id: number;
                                    name: string;
                                };
                                updatedAt: string;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 我的总结 for a period (2026-11, 2026-Q4, 2026): made the first time (201), prefilled with the close-out summaries of the tasks you closed in it; 200 with the existing one after */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        period: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            items: {
                                closedAt: string;
                                done: string;
                                lessons: string;
                                result: string;
                                taskId: number;
                                title: string;
                            }[];
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            person: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "draft" | "submitted";
                            submittedAt: string | null;
                            text: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            items: {
                                closedAt: string;
                                done: string;
                                lessons: string;
                                result: string;
                                taskId: number;
                                title: string;
                            }[];
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            person: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "draft" | "submitted";
                            submittedAt: string | null;
                            text: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/summaries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A personal summary (its author; once submitted, the heads over the author’s unit) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            items: {
                                closedAt: string;
                                done: string;
                                lessons: string;
                                result: string;
                                taskId: number;
                                title: string;
                            }[];
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            person: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "draft" | "submitted";
                            submittedAt: string | null;
                            text: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Save your draft summary: its text, and reloadItems to take in tasks closed since */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reloadItems?: boolean;
                        text?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            items: {
                                closedAt: string;
                                done: string;
                                lessons: string;
                                result: string;
                                taskId: number;
                                title: string;
                            }[];
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            person: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "draft" | "submitted";
                            submittedAt: string | null;
                            text: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/reports/summaries/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交 your summary to your unit’s heads (no change after) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            items: {
                                closedAt: string;
                                done: string;
                                lessons: string;
                                result: string;
                                taskId: number;
                                title: string;
                            }[];
                            period: {
                                from: string;
                                key: string;
                                to: string;
                            };
                            person: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "draft" | "submitted";
                            submittedAt: string | null;
                            text: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 比学赶超排名 of a peer group (township | department) for a period (YYYY-MM, YYYY-Qn, YYYY; default this month): items by county and rank, with the components’ scores and weights, change vs last period, 红榜/黑榜. Supervisors and leaders see their region, unit heads their unit in full and its peers’ ranks */
        get: {
            parameters: {
                query?: {
                    peer?: "township" | "department";
                    period?: string;
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 黑榜: unit ids, the worst of each group */
                            black: number[];
                            closed: boolean;
                            computedAt: string | null;
                            items: {
                                /** @description Score minus last period’s; null for a new unit or no data */
                                change: number | null;
                                components: {
                                    /** @enum {string} */
                                    key: "on_time" | "sign" | "feedback" | "progress" | "overdue_days" | "extensions" | "escalations" | "citizen_on_time" | "citizen_satisfaction" | "meetings" | "documents" | "field_days" | "findings";
                                    name: string;
                                    score: number | null;
                                    weight: number;
                                }[];
                                /** @description false: a unit head’s peer, rank only */
                                full: boolean;
                                /** @description The peer group: the county whose townships (or departments) compete */
                                groupId: number;
                                groupName: string;
                                /** @description Within the group; equal scores share a rank and the next skips; null: no data */
                                rank: number | null;
                                /** @description 0–100; null: no data (or a peer whose score a unit head does not see) */
                                score: number | null;
                                unitId: number;
                                unitName: string;
                            }[];
                            /** @enum {string} */
                            peer: "township" | "department";
                            period: string;
                            /** @description 红榜: unit ids, the best of each group */
                            red: number[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 典型案例库: selected cases for everyone signed in (supervisors also see nominated and rejected ones of their region); filters q (title, summary, body), unitId (subtree), tag, year, status, taskId; newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                    status?: "nominated" | "selected" | "rejected";
                    tag?: string;
                    taskId?: number;
                    unitId?: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description What the caller may do to the case now: update (edit the write-up), select (入选), reject (未入选) */
                                allowedActions: ("update" | "select" | "reject")[];
                                body: string;
                                createdAt: string;
                                decidedAt: string | null;
                                decidedBy: {
                                    id: number;
                                    name: string;
                                } | null;
                                decisionNote: string | null;
                                id: number;
                                nominatedBy: {
                                    id: number;
                                    name: string;
                                };
                                /** @enum {string} */
                                status: "nominated" | "selected" | "rejected";
                                summary: string;
                                tags: string[];
                                taskId: number | null;
                                title: string;
                                unit: {
                                    id: number;
                                    name: string;
                                };
                                updatedAt: string;
                                version: number;
                                year: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 推荐典型: a task (taskId; its lead unit by default) or a practice of a unit (unitId), with title, summary, body and tags. 201, state 推荐 (nominated) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        summary: string;
                        tags?: string[];
                        taskId?: number;
                        title: string;
                        unitId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do to the case now: update (edit the write-up), select (入选), reject (未入选) */
                            allowedActions: ("update" | "select" | "reject")[];
                            body: string;
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: {
                                id: number;
                                name: string;
                            } | null;
                            decisionNote: string | null;
                            id: number;
                            nominatedBy: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "nominated" | "selected" | "rejected";
                            summary: string;
                            tags: string[];
                            taskId: number | null;
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A model case (404 for one the caller may not read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do to the case now: update (edit the write-up), select (入选), reject (未入选) */
                            allowedActions: ("update" | "select" | "reject")[];
                            body: string;
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: {
                                id: number;
                                name: string;
                            } | null;
                            decisionNote: string | null;
                            id: number;
                            nominatedBy: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "nominated" | "selected" | "rejected";
                            summary: string;
                            tags: string[];
                            taskId: number | null;
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a case’s write-up (title, summary, body, tags) with its version; 409 SCORE_CASE_STALE when it changed */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body?: string;
                        summary?: string;
                        tags?: string[];
                        title?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do to the case now: update (edit the write-up), select (入选), reject (未入选) */
                            allowedActions: ("update" | "select" | "reject")[];
                            body: string;
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: {
                                id: number;
                                name: string;
                            } | null;
                            decisionNote: string | null;
                            id: number;
                            nominatedBy: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "nominated" | "selected" | "rejected";
                            summary: string;
                            tags: string[];
                            taskId: number | null;
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/scoreboard/cases/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 未入选: reject a nominated case; 409 SCORE_CASE_DECIDED otherwise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do to the case now: update (edit the write-up), select (入选), reject (未入选) */
                            allowedActions: ("update" | "select" | "reject")[];
                            body: string;
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: {
                                id: number;
                                name: string;
                            } | null;
                            decisionNote: string | null;
                            id: number;
                            nominatedBy: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "nominated" | "selected" | "rejected";
                            summary: string;
                            tags: string[];
                            taskId: number | null;
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/cases/{id}/select": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 入选: select a nominated (or earlier rejected) case; 409 SCORE_CASE_DECIDED otherwise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do to the case now: update (edit the write-up), select (入选), reject (未入选) */
                            allowedActions: ("update" | "select" | "reject")[];
                            body: string;
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: {
                                id: number;
                                name: string;
                            } | null;
                            decisionNote: string | null;
                            id: number;
                            nominatedBy: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "nominated" | "selected" | "rejected";
                            summary: string;
                            tags: string[];
                            taskId: number | null;
                            title: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People’s scores (task components) in a unit (default: yours) for a period, by rank: who oversees the unit sees everyone, anyone else only themself */
        get: {
            parameters: {
                query?: {
                    period?: string;
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                change: number | null;
                                components: {
                                    /** @description The formula in words and numbers (zh-CN) */
                                    explanation: string;
                                    facts: {
                                        [key: string]: number;
                                    };
                                    /** @enum {string} */
                                    key: "on_time" | "sign" | "feedback" | "progress" | "overdue_days" | "extensions" | "escalations" | "citizen_on_time" | "citizen_satisfaction" | "meetings" | "documents" | "field_days" | "findings";
                                    name: string;
                                    /** @enum {string} */
                                    records: "task" | "urging" | "request" | "meeting" | "document" | "visit" | "finding";
                                    samples: number;
                                    score: number | null;
                                    /** @description The weight’s share after renormalising over the components with data (0–1) */
                                    share: number;
                                    weight: number;
                                }[];
                                explanation: string;
                                name: string;
                                personId: number;
                                rank: number | null;
                                score: number | null;
                            }[];
                            period: string;
                            unit: {
                                id: number;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/people/{personId}/components/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tasks behind one component of a person’s score (themself, or who oversees their unit) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    period?: string;
                };
                header?: never;
                path: {
                    key: "on_time" | "sign" | "feedback" | "progress" | "overdue_days" | "extensions" | "escalations" | "citizen_on_time" | "citizen_satisfaction" | "meetings" | "documents" | "field_days" | "findings";
                    personId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            component: "on_time" | "sign" | "feedback" | "progress" | "overdue_days" | "extensions" | "escalations" | "citizen_on_time" | "citizen_satisfaction" | "meetings" | "documents" | "field_days" | "findings";
                            items: {
                                facts: {
                                    [key: string]: (string | number | boolean) | null;
                                };
                                /** @description Counts for the component (on time, signed on time, …) */
                                good: boolean;
                                id: number;
                                /** @enum {string} */
                                kind: "task" | "request" | "meeting" | "document" | "visit" | "finding";
                                /** @description The web app’s page of the record */
                                link: string;
                                status: string;
                                title: string;
                            }[];
                            /** @description The ledger filter that lists the same kind of records (the web app links to it) */
                            ledger: {
                                path: string;
                                query: {
                                    [key: string]: string | number;
                                };
                            } | null;
                            nextCursor: string | null;
                            period: string;
                            records: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The periods computed (newest first, at most 60), and whether each is closed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                closed: boolean;
                                computedAt: string;
                                period: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即重算: the given periods, or the current ones (and the last, closed once finished). A closed period is never changed (skipped: true) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        periods?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                closed: boolean;
                                people: number;
                                period: string;
                                skipped: boolean;
                                units: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/units/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit’s score drilled down: rank of how many, change, and each component’s score, weight, share, formula (explanation) and facts. 404 SCORE_NOT_FOUND when the unit is not ranked in that period */
        get: {
            parameters: {
                query?: {
                    period?: string;
                };
                header?: never;
                path: {
                    unitId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            change: number | null;
                            closed: boolean;
                            components: {
                                /** @description The formula in words and numbers (zh-CN) */
                                explanation: string;
                                facts: {
                                    [key: string]: number;
                                };
                                /** @enum {string} */
                                key: "on_time" | "sign" | "feedback" | "progress" | "overdue_days" | "extensions" | "escalations" | "citizen_on_time" | "citizen_satisfaction" | "meetings" | "documents" | "field_days" | "findings";
                                name: string;
                                /** @enum {string} */
                                records: "task" | "urging" | "request" | "meeting" | "document" | "visit" | "finding";
                                samples: number;
                                score: number | null;
                                /** @description The weight’s share after renormalising over the components with data (0–1) */
                                share: number;
                                weight: number;
                            }[];
                            computedAt: string;
                            explanation: string;
                            group: {
                                id: number;
                                name: string;
                            };
                            /** @description How many units of the group are ranked */
                            of: number;
                            peer: string;
                            period: string;
                            rank: number | null;
                            score: number | null;
                            unit: {
                                id: number;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoreboard/units/{unitId}/components/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The records behind one component of a unit’s score (tasks, or citizen requests), a page by id, each with `good` (counts for it) and a link; `ledger` is the matching ledger filter */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    period?: string;
                };
                header?: never;
                path: {
                    key: "on_time" | "sign" | "feedback" | "progress" | "overdue_days" | "extensions" | "escalations" | "citizen_on_time" | "citizen_satisfaction" | "meetings" | "documents" | "field_days" | "findings";
                    unitId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            component: "on_time" | "sign" | "feedback" | "progress" | "overdue_days" | "extensions" | "escalations" | "citizen_on_time" | "citizen_satisfaction" | "meetings" | "documents" | "field_days" | "findings";
                            items: {
                                facts: {
                                    [key: string]: (string | number | boolean) | null;
                                };
                                /** @description Counts for the component (on time, signed on time, …) */
                                good: boolean;
                                id: number;
                                /** @enum {string} */
                                kind: "task" | "request" | "meeting" | "document" | "visit" | "finding";
                                /** @description The web app’s page of the record */
                                link: string;
                                status: string;
                                title: string;
                            }[];
                            /** @description The ledger filter that lists the same kind of records (the web app links to it) */
                            ledger: {
                                path: string;
                                query: {
                                    [key: string]: string | number;
                                };
                            } | null;
                            nextCursor: string | null;
                            period: string;
                            records: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service windows of your region (admins: all), with their rating counts and average */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            averageLevel: number | null;
                            code: string;
                            id: number;
                            name: string;
                            ratings: number;
                            unitId: number;
                            unitName: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Set up a window; its code makes the QR link /public/windows/{code} */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        unitId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            averageLevel: number | null;
                            code: string;
                            id: number;
                            name: string;
                            ratings: number;
                            unitId: number;
                            unitName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-windows/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a visit code for one visitor (one rating per visit), by the window’s unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            id: number;
                            issuedAt: string;
                            windowId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办台账 / 任务清单 / 时限清单 (sort=deadline): filtered, keyset-paged */
        get: {
            parameters: {
                query?: {
                    assignerId?: number;
                    cursor?: string;
                    deadlineFrom?: string;
                    deadlineTo?: string;
                    escalatedFrom?: string;
                    level?: "normal" | "key" | "major";
                    light?: "green" | "yellow" | "red" | "done";
                    limit?: number;
                    overdue?: "0" | "1" | "true" | "false";
                    q?: string;
                    responsibleId?: number;
                    sort?: "deadline" | "newest";
                    source?: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                    sourceId?: number;
                    status?: string;
                    todo?: "sign" | "report" | "warn" | "verify" | "extension";
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TaskListItem"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 交办: assign a task to a lead unit in your scope */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assessment?: string;
                        coUnitIds?: number[];
                        deadline: string | {
                            workdays: number;
                        };
                        description?: string;
                        leaderId?: number;
                        leadUnitId: number;
                        /** @enum {string} */
                        level: "normal" | "key" | "major";
                        milestones?: {
                            due: string;
                            ownerId?: number;
                            title: string;
                        }[];
                        responsibleId?: number;
                        source?: {
                            id?: number;
                            /** @enum {string} */
                            kind: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                            ref?: string;
                        };
                        standard?: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task with its light, overdue 工作日, timeline and the actions you may take */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/attach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 补充附件: put files uploaded to the task (POST /:id/attachments) on its timeline. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attachmentIds: number[];
                        note?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an attachment (the raw file as the body, its name in x-file-name, percent-encoded); then cite its id in progress or submit */
        post: {
            parameters: {
                query?: never;
                header: {
                    "x-file-name": string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentType: string;
                            createdAt: string;
                            fileName: string;
                            id: number;
                            sha256: string;
                            size: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/attachments/{eid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eid: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The file as uploaded, sent with its own content type (sniffed on upload) as an attachment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/attachments/{eid}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 删除附件 (the assigner, before sign-for): the timeline and the audit keep its name and digest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eid: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 销号, with the close-out summary. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        summary?: {
                            done: string;
                            lessons: string;
                            result: string;
                        };
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/co-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 报送协办进展: a co-unit’s own progress on its part, after it signed for it; the lead unit sees it on the task page. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        percent: number;
                        text: string;
                        unitId?: number;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/co-sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签收（协办）: a co-unit’s head signs for the unit’s part (unitId: which part, for a head of several). Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        unitId?: number;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 交办到人: name the responsible person (lead unit head). Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        responsibleId: number;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改事项 (the assigner): title, description, standard, assessment while open; deadline and lead unit only before sign-for (after it: 409 TASK_EDIT_NEEDS_FLOW, use an extension or a return and reassignment). Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assessment?: string;
                        deadline?: string;
                        description?: string;
                        leadUnitId?: number;
                        standard?: string;
                        title?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 延期申请: reason and new deadline (at most the policy number per task) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newDeadline: string;
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: string[];
                            assessment: string | null;
                            assignedAt: string;
                            assignerId: number;
                            attachments: {
                                contentType: string;
                                createdAt: string;
                                eventId: number | null;
                                fileName: string;
                                id: number;
                                sha256: string;
                                size: number;
                            }[];
                            closedAt: string | null;
                            completion: {
                                evidence?: string;
                                text: string;
                            } | null;
                            coUnitIds: number[];
                            coUnits: {
                                lastReportAt: string | null;
                                lastText: string | null;
                                mine: boolean;
                                percent: number;
                                reports: number;
                                signedAt: string | null;
                                signedByName: string | null;
                                unitId: number;
                                unitName: string;
                            }[];
                            deadline: string;
                            deadlineEstimated: boolean;
                            description: string | null;
                            escalations: {
                                at: string;
                                /** @enum {string} */
                                level: "remind" | "urge" | "supervise" | "notice" | "accountability";
                                overdueWorkdays: number;
                            }[];
                            extensionId: number;
                            extensions: {
                                createdAt: string;
                                currentDeadline: string;
                                decidedBy: number | null;
                                decisionNote: string | null;
                                id: number;
                                newDeadline: string;
                                reason: string;
                                requestedBy: number;
                                status: string;
                            }[];
                            extensionsUsed: number;
                            id: number;
                            leader: {
                                id: number;
                                name: string;
                            } | null;
                            leaderId: number | null;
                            leadUnit: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            level: "normal" | "key" | "major";
                            /** @enum {string} */
                            light: "green" | "yellow" | "red" | "done";
                            lightReasons: string[];
                            milestones: {
                                doneAt: string | null;
                                due: string;
                                id: number;
                                ownerId: number | null;
                                ownerName: string | null;
                                title: string;
                            }[];
                            nextMilestoneDue: string | null;
                            nextReportDue: string | null;
                            originalDeadline: string;
                            overdueWorkdays: number;
                            pendingExtension: boolean;
                            planDue: string | null;
                            progressPercent: number;
                            responsible: {
                                id: number;
                                name: string;
                            } | null;
                            signDue: string;
                            signedAt: string | null;
                            source: {
                                id: number | null;
                                /** @enum {string} */
                                kind: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                                ref: string | null;
                            };
                            standard: string | null;
                            /** @enum {string} */
                            status: "assigned" | "signed" | "in_progress" | "submitted" | "verified" | "closed" | "returned" | "withdrawn";
                            submittedAt: string | null;
                            summary: {
                                done: string;
                                lessons: string;
                                result: string;
                            } | null;
                            timeline: {
                                actorId: number | null;
                                actorName: string | null;
                                at: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                kind: string;
                            }[];
                            title: string;
                            updatedAt: string;
                            urgings: {
                                answer: string | null;
                                answeredAt: string | null;
                                answeredBy: number | null;
                                answeredByName: string | null;
                                at: string;
                                byId: number;
                                byName: string;
                                id: number;
                                /** @enum {string} */
                                level: "urge" | "supervise";
                                overdue: boolean;
                                replyDue: string;
                                text: string;
                            }[];
                            verifiedAt: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/extensions/{eid}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批准延期申请 (assigner or overseeing leader) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eid: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/extensions/{eid}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 驳回延期申请 (assigner or overseeing leader) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eid: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/instructions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批示: a leader (or admin) whose scope covers the lead unit writes an instruction, optionally with a new milestone (on or before the deadline) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        milestone?: {
                            due: string;
                            ownerId?: number;
                            title: string;
                        };
                        text: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办通知单 / 催办通知单 as data, for the print page: the same title, 编号, rows, 落款 and date as the DOCX */
        get: {
            parameters: {
                query?: {
                    kind?: "supervise" | "urge";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            number: string;
                            rows: {
                                label: string;
                                text: string;
                            }[];
                            signer: string;
                            title: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/notice.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办通知单 (kind=supervise) / 催办通知单 (kind=urge) as a one-page DOCX: 编号, 督办事项, 交办领导, 主办/协办单位, 完成时限, 办理要求, 反馈要求, 落款 and date */
        get: {
            parameters: {
                query?: {
                    kind?: "supervise" | "urge";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 督办通知单 / 催办通知单 as a Word document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 实施方案: milestones with owners and dates (倒排工期). Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        milestones: {
                            due: string;
                            ownerId?: number;
                            title: string;
                        }[];
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 报送进展: an immutable progress report. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attachmentIds?: number[];
                        milestoneIds?: number[];
                        percent: number;
                        text: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重新交办 a returned task. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deadline?: string;
                        leadUnitId: number;
                        note?: string;
                        responsibleId?: number;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 驳回 the completion, with the reason. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回 to the assigner, with the reason (lead unit head). Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 签收 (lead unit head). Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请办结: completion report and close-out summary. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attachmentIds?: number[];
                        completion: {
                            evidence?: string;
                            text: string;
                        };
                        summary: {
                            done: string;
                            lessons: string;
                            result: string;
                        };
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/urgings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 催办 (level=urge) or 升级督办 (level=supervise) by hand: a written urging with a reply deadline to the lead unit’s heads and the responsible person (the supervision office over the lead unit, the assigner, the overseeing leader); the first of its level is the ladder’s rung */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        level: "urge" | "supervise";
                        replyDue: string | {
                            workdays: number;
                        };
                        text: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedActions: string[];
                            assessment: string | null;
                            assignedAt: string;
                            assignerId: number;
                            attachments: {
                                contentType: string;
                                createdAt: string;
                                eventId: number | null;
                                fileName: string;
                                id: number;
                                sha256: string;
                                size: number;
                            }[];
                            closedAt: string | null;
                            completion: {
                                evidence?: string;
                                text: string;
                            } | null;
                            coUnitIds: number[];
                            coUnits: {
                                lastReportAt: string | null;
                                lastText: string | null;
                                mine: boolean;
                                percent: number;
                                reports: number;
                                signedAt: string | null;
                                signedByName: string | null;
                                unitId: number;
                                unitName: string;
                            }[];
                            deadline: string;
                            deadlineEstimated: boolean;
                            description: string | null;
                            escalations: {
                                at: string;
                                /** @enum {string} */
                                level: "remind" | "urge" | "supervise" | "notice" | "accountability";
                                overdueWorkdays: number;
                            }[];
                            extensions: {
                                createdAt: string;
                                currentDeadline: string;
                                decidedBy: number | null;
                                decisionNote: string | null;
                                id: number;
                                newDeadline: string;
                                reason: string;
                                requestedBy: number;
                                status: string;
                            }[];
                            extensionsUsed: number;
                            id: number;
                            leader: {
                                id: number;
                                name: string;
                            } | null;
                            leaderId: number | null;
                            leadUnit: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            level: "normal" | "key" | "major";
                            /** @enum {string} */
                            light: "green" | "yellow" | "red" | "done";
                            lightReasons: string[];
                            milestones: {
                                doneAt: string | null;
                                due: string;
                                id: number;
                                ownerId: number | null;
                                ownerName: string | null;
                                title: string;
                            }[];
                            nextMilestoneDue: string | null;
                            nextReportDue: string | null;
                            originalDeadline: string;
                            overdueWorkdays: number;
                            pendingExtension: boolean;
                            planDue: string | null;
                            progressPercent: number;
                            responsible: {
                                id: number;
                                name: string;
                            } | null;
                            signDue: string;
                            signedAt: string | null;
                            source: {
                                id: number | null;
                                /** @enum {string} */
                                kind: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                                ref: string | null;
                            };
                            standard: string | null;
                            /** @enum {string} */
                            status: "assigned" | "signed" | "in_progress" | "submitted" | "verified" | "closed" | "returned" | "withdrawn";
                            submittedAt: string | null;
                            summary: {
                                done: string;
                                lessons: string;
                                result: string;
                            } | null;
                            timeline: {
                                actorId: number | null;
                                actorName: string | null;
                                at: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                kind: string;
                            }[];
                            title: string;
                            updatedAt: string;
                            urgingId: number;
                            urgings: {
                                answer: string | null;
                                answeredAt: string | null;
                                answeredBy: number | null;
                                answeredByName: string | null;
                                at: string;
                                byId: number;
                                byName: string;
                                id: number;
                                /** @enum {string} */
                                level: "urge" | "supervise";
                                overdue: boolean;
                                replyDue: string;
                                text: string;
                            }[];
                            verifiedAt: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/urgings/{uid}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 情况说明: the lead unit’s head or the responsible person answers an urging; the urger is told (a late answer is marked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    uid: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核办结 (assigner or overseeing leader); the source gets the feedback at once. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回 (the assigner), before sign-for or after a return: the task leaves every list; its page stays open to the assigner. Answers with what changed and the new version (TaskChange) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskChange"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出台账 (XLSX), with the ledger filters */
        get: {
            parameters: {
                query?: {
                    assignerId?: number;
                    deadlineFrom?: string;
                    deadlineTo?: string;
                    escalatedFrom?: string;
                    level?: "normal" | "key" | "major";
                    light?: "green" | "yellow" | "red" | "done";
                    overdue?: "0" | "1" | "true" | "false";
                    q?: string;
                    responsibleId?: number;
                    source?: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                    sourceId?: number;
                    status?: string;
                    todo?: "sign" | "report" | "warn" | "verify" | "extension";
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 督办台账: the ledger as an XLSX workbook (the import reads the same layout) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/feed-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** My ICS calendar feed of deadlines and milestones: a new secret URL (the old one stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/feed/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ICS feed (RFC 5545) behind the secret token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An iCalendar feed of my deadlines and milestones */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入台账: an XLSX in the export layout (body: the file). All rows or none. mode=new (default): new work, every row 已交办, checked as the create route checks; mode=migration (admins): a ledger kept before Mashang, its states and dates taken as history */
        post: {
            parameters: {
                query?: {
                    mode?: "new" | "migration";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sizes the task routes accept, so a form checks a file or a title before sending it: an attachment and an imported ledger in bytes, a title in characters */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attachmentBytes: number;
                            importBytes: number;
                            titleChars: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/lists/responsibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 责任清单: tasks per lead unit and responsible person, by light */
        get: {
            parameters: {
                query?: {
                    assignerId?: number;
                    deadlineFrom?: string;
                    deadlineTo?: string;
                    escalatedFrom?: string;
                    level?: "normal" | "key" | "major";
                    light?: "green" | "yellow" | "red" | "done";
                    overdue?: "0" | "1" | "true" | "false";
                    q?: string;
                    responsibleId?: number;
                    source?: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                    sourceId?: number;
                    status?: string;
                    todo?: "sign" | "report" | "warn" | "verify" | "extension";
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                byLight: {
                                    [key: string]: number;
                                };
                                responsibleId: number | null;
                                responsibleName: string | null;
                                total: number;
                                unitId: number;
                                unitName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 驾驶舱: a leader's or supervisor's overview of their scope — lights by unit, the red list, escalations since Monday, what waits for their decision, the on-time trend; each count is what the ledger shows under the filter named beside it */
        get: {
            parameters: {
                query?: {
                    weeks?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decisions: {
                                answers: {
                                    count: number;
                                    items: {
                                        answeredAt: string;
                                        answeredByName: string | null;
                                        /** @enum {string} */
                                        level: "urge" | "supervise";
                                        taskId: number;
                                        title: string;
                                        urgingId: number;
                                    }[];
                                    since: string;
                                };
                                extension: number;
                                verify: number;
                            };
                            escalations: {
                                byLevel: {
                                    [key: string]: number;
                                };
                                since: string;
                                tasks: number;
                            };
                            red: {
                                count: number;
                                items: components["schemas"]["TaskListItem"][];
                            };
                            today: string;
                            totals: {
                                byLight: {
                                    [key: string]: number;
                                };
                                total: number;
                            };
                            trend: {
                                done: number;
                                escalations: {
                                    [key: string]: number;
                                };
                                onTime: number;
                                week: string;
                            }[];
                            units: {
                                byLight: {
                                    [key: string]: number;
                                };
                                total: number;
                                unitId: number;
                                unitName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts by unit, light and status (dashboards); same filters as the ledger */
        get: {
            parameters: {
                query?: {
                    assignerId?: number;
                    deadlineFrom?: string;
                    deadlineTo?: string;
                    escalatedFrom?: string;
                    level?: "normal" | "key" | "major";
                    light?: "green" | "yellow" | "red" | "done";
                    overdue?: "0" | "1" | "true" | "false";
                    q?: string;
                    responsibleId?: number;
                    source?: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                    sourceId?: number;
                    status?: string;
                    todo?: "sign" | "report" | "warn" | "verify" | "extension";
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            totals: {
                                byLight: {
                                    [key: string]: number;
                                };
                                byStatus: {
                                    [key: string]: number;
                                };
                                total: number;
                            };
                            units: {
                                byLight: {
                                    [key: string]: number;
                                };
                                byStatus: {
                                    [key: string]: number;
                                };
                                total: number;
                                unitId: number;
                                unitName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/stats/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Week by week (Monday first): tasks verified, how many on time, escalations by level; same filters as the ledger */
        get: {
            parameters: {
                query?: {
                    assignerId?: number;
                    deadlineFrom?: string;
                    deadlineTo?: string;
                    escalatedFrom?: string;
                    level?: "normal" | "key" | "major";
                    light?: "green" | "yellow" | "red" | "done";
                    overdue?: "0" | "1" | "true" | "false";
                    q?: string;
                    responsibleId?: number;
                    source?: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                    sourceId?: number;
                    status?: string;
                    todo?: "sign" | "report" | "warn" | "verify" | "extension";
                    unitId?: number;
                    weeks?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            weeks: {
                                done: number;
                                escalations: {
                                    [key: string]: number;
                                };
                                onTime: number;
                                week: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/workbench": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作台: my to-dos by group (to sign for, to report, yellow/red, to verify, extensions to decide) with counts; the ledger takes the same ?todo= */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            groups: {
                                count: number;
                                items: components["schemas"]["TaskListItem"][];
                                /** @enum {string} */
                                kind: "sign" | "report" | "warn" | "verify" | "extension";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位树 (units you may see) */
        get: {
            parameters: {
                query?: {
                    includeInactive?: "0" | "1" | "true" | "false";
                    under?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Unit"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新增单位 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @enum {string} */
                        kind: "region" | "department";
                        /** @enum {string} */
                        level?: "province" | "prefecture" | "county" | "township";
                        name: string;
                        parentId: number | null;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 撤销单位 (deactivate) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改或移动单位 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        name?: string;
                        parentId?: number;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                createdAt: string;
                                id: number;
                                kinds: string[];
                                name: string;
                                url: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a URL to notification kinds ("tasks.*" or exact kinds; none = all). Bodies are signed: x-mashang-signature */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        kinds?: string[];
                        name: string;
                        secret?: string;
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            createdAt: string;
                            id: number;
                            kinds: string[];
                            name: string;
                            secret: string;
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disable a webhook */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/discovery.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 discovery: the endpoint, its specification and formats */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description discovery */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                        "text/xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 requests of the jurisdiction: by service_request_id (comma-separated), or service_code, start_date, end_date (ISO 8601; default the last 90 days), status (open, closed); at most 1000 */
        get: {
            parameters: {
                query?: {
                    end_date?: string;
                    jurisdiction_id?: string;
                    service_code?: string;
                    service_request_id?: string;
                    start_date?: string;
                    status?: string;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description service requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                        "text/xml": string;
                    };
                };
            };
        };
        put?: never;
        /** Open311 POST a request (form-urlencoded as the spec says, or JSON) with a client application’s api_key; attribute[type] is the request type (default complaint). Answers service_request_id and token (the tracking code the citizen keeps) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        account_id?: string;
                        address_id?: string;
                        address_string?: string;
                        api_key: string;
                        attribute?: {
                            /** @enum {string} */
                            type?: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
                        };
                        /** @enum {string} */
                        "attribute[type]"?: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
                        description?: string;
                        device_id?: string;
                        email?: string;
                        first_name?: string;
                        jurisdiction_id?: string;
                        last_name?: string;
                        lat?: number | string;
                        long?: number | string;
                        media_url?: string;
                        phone?: string;
                        /** @enum {string} */
                        service_code: "roads" | "environment" | "water_power" | "housing" | "social_security" | "education" | "health" | "market" | "agriculture" | "government_service" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description the new request */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                        "text/xml": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{service_request_id}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 one request */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                    service_request_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description the request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                        "text/xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 services: the service categories */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description services */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                        "text/xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services/{service_code}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 service definition: the attribute `type` (咨询/求助/投诉/举报/建议/表扬) a request carries as attribute[type] */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                    service_code: "roads" | "environment" | "water_power" | "housing" | "social_security" | "education" | "health" | "market" | "agriculture" | "government_service" | "other";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description service definition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                        "text/xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/tokens/{token_id}.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 token → service_request_id (the token is the tracking code POST answered) */
        get: {
            parameters: {
                query?: {
                    jurisdiction_id?: string;
                };
                header?: never;
                path: {
                    format: "json" | "xml";
                    token_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description Default Response */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Open311Errors"];
                    };
                };
                /** @description the request id of a token */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                        "text/xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        CalendarDay: {
            date: string;
            estimated: boolean;
            isWorkday: boolean;
            /** @enum {string} */
            kind: "workday" | "weekend" | "holiday" | "makeup_workday";
            name?: string;
        };
        ChannelRobot: {
            active: boolean;
            createdAt: string;
            hasSecret: boolean;
            id: number;
            kinds: string[];
            mention: boolean;
            name: string;
            /** @enum {string} */
            provider: "dingtalk" | "wecom" | "feishu";
            unitId: number;
            unitName: string;
            urgentOnly: boolean;
            url: string;
        };
        ChannelSettings: {
            defaultQuiet: {
                end: string;
                start: string;
            };
            digest: boolean;
            digestAt: string;
            hasEmail: boolean;
            kinds: {
                email: {
                    locked: boolean;
                    on: boolean;
                };
                kind: string;
                sms: {
                    locked: boolean;
                    on: boolean;
                };
            }[];
            mobile: string | null;
            quietEnd: string;
            quietStart: string;
            smsAvailable: boolean;
            urgentChannels: string[];
        };
        ChannelSmsGateway: {
            bodyTemplate: string;
            configured: boolean;
            hasSecret: boolean;
            headerNames: string[];
            /** @enum {string} */
            kind: "http" | "log";
            /** @enum {string} */
            method: "POST" | "PUT" | "GET";
            updatedAt: string | null;
            url: string | null;
        };
        ChannelTestResult: {
            error: string | null;
            ok: boolean;
        };
        CitizenRequest: {
            acknowledgedAt: string | null;
            acknowledgeDue: string;
            address: string | null;
            category: string;
            /** @description the last four characters only: the code is the citizen’s credential */
            code: string;
            contactName: string | null;
            contactPhone: string | null;
            deadline: string | null;
            description: string;
            id: number;
            lat: number | null;
            long: number | null;
            publishable: boolean;
            rectifyDue: string | null;
            region: {
                id: number;
                name: string;
            };
            round: number;
            /** @enum {string} */
            status: "submitted" | "assigned" | "answered" | "rated" | "reopened" | "rectified" | "called_back" | "declined" | "merged" | "forwarded";
            statusName: string;
            submittedAt: string;
            taskId: number | null;
            /** @enum {string} */
            type: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
            typeName: string;
            unit: {
                id: number;
                name: string;
            } | null;
            version: number;
            viaOpen311: boolean;
        };
        CitizenRequestDetail: {
            acknowledgedAt: string | null;
            acknowledgeDue: string;
            address: string | null;
            allowedActions: ("assign" | "forward" | "merge" | "decline" | "return" | "reply" | "rate" | "rectify" | "callback")[];
            answeredAt: string | null;
            callbacks: {
                calledAt: string;
                calledBy: {
                    id: number;
                    name: string;
                };
                id: number;
                round: number;
                said: string;
            }[];
            category: string;
            /** @description the last four characters only: the code is the citizen’s credential */
            code: string;
            contactMasked: boolean;
            contactName: string | null;
            contactPhone: string | null;
            deadline: string | null;
            declineReason: string | null;
            description: string;
            effectiveRating: {
                defaulted: boolean;
                level: number;
                levelName: string;
            } | null;
            id: number;
            lat: number | null;
            long: number | null;
            mergedFrom: number[];
            mergedInto: number | null;
            photos: {
                contentType: string;
                createdAt: string;
                fileName: string;
                id: number;
                size: number;
            }[];
            publishable: boolean;
            ratings: {
                comment: string | null;
                level: number;
                levelName: string;
                ratedAt: string;
                round: number;
            }[];
            rectifiedAt: string | null;
            rectifyDue: string | null;
            rectifyNote: string | null;
            region: {
                id: number;
                name: string;
            };
            repliedAt: string | null;
            reply: string | null;
            returnUntil: string | null;
            round: number;
            /** @enum {string} */
            status: "submitted" | "assigned" | "answered" | "rated" | "reopened" | "rectified" | "called_back" | "declined" | "merged" | "forwarded";
            statusName: string;
            submittedAt: string;
            task: {
                deadline: string;
                extensionsUsed: number;
                id: number;
                /** @enum {string} */
                light: "green" | "yellow" | "red" | "done";
                status: string;
                version: number;
            } | null;
            taskId: number | null;
            /** @enum {string} */
            type: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
            typeName: string;
            unit: {
                id: number;
                name: string;
            } | null;
            version: number;
            viaOpen311: boolean;
        };
        CitizenRequestPublic: {
            acknowledgedAt: string | null;
            acknowledgeDue: string;
            address: string | null;
            answeredAt: string | null;
            callbacks: {
                calledAt: string;
            }[];
            canRate: boolean;
            category: string;
            code: string;
            deadline: string | null;
            declineReason: string | null;
            description: string;
            effectiveRating: {
                defaulted: boolean;
                level: number;
                levelName: string;
            } | null;
            /** @description merged into another request: the progress shown is that one’s */
            merged: boolean;
            photos: number;
            ratings: {
                comment: string | null;
                level: number;
                levelName: string;
                ratedAt: string;
                round: number;
            }[];
            ratingWindowEndsAt: string | null;
            rectification: string | null;
            rectifyDue: string | null;
            /** @description shown once the task is verified (马上就反馈) */
            reply: string | null;
            /** @enum {string} */
            status: "submitted" | "assigned" | "answered" | "rated" | "reopened" | "rectified" | "called_back" | "declined" | "merged" | "forwarded";
            statusName: string;
            submittedAt: string;
            /** @enum {string} */
            type: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
            typeName: string;
            unitName: string | null;
        };
        CitizenStats: {
            quotes: {
                category: string;
                comment: string | null;
                description: string;
                level: number | null;
                reply: string | null;
                type: string;
                unitName: string;
            }[];
            region: {
                id: number;
                name: string;
            };
            units: {
                answered: number;
                averageLevel: number | null;
                onTimeRate: number | null;
                rated: number;
                satisfactionRate: number | null;
                unitId: number;
                unitName: string;
                volume: number;
            }[];
            year: number;
        };
        Document: {
            allowedActions: ("edit" | "check" | "issue")[];
            author: {
                id: number;
                name: string;
            };
            body: string;
            /** @enum {string} */
            bodySource: "text" | "docx";
            characters: number;
            check: components["schemas"]["DocumentCheck"] | null;
            checkedAt: string | null;
            createdAt: string;
            explanation: string | null;
            fileName: string | null;
            id: number;
            issuedAt: string | null;
            /** @enum {string} */
            kind: "document" | "single_topic" | "brief" | "report" | "speech_major" | "speech";
            number: string | null;
            phrasesPer1000: number | null;
            quota: {
                allowed: number;
                explanationRequired: boolean;
                issuedLastYear: number;
                issuedThisYear: number;
                reductionPercent: number;
                year: number;
            } | null;
            /** @enum {string} */
            status: "draft" | "checked" | "issued";
            title: string;
            unit: {
                id: number;
                name: string;
            };
            updatedAt: string;
            /** @enum {string|null} */
            verdict: "pass" | "revise" | "over_limit" | null;
            version: number;
            year: number;
        };
        DocumentCheck: {
            characters: number;
            limit: number;
            overLimit: boolean;
            phrases: {
                end: number;
                phrase: string;
                start: number;
            }[];
            phrasesPer1000: number;
            preamble: {
                end: number;
                start: number;
            };
            preambleRatio: number;
            reasons: {
                message: string;
                /** @enum {string} */
                rule: "length" | "phrases" | "preamble" | "repeat" | "pass";
            }[];
            repeats: {
                documentId: number;
                documentNumber: string | null;
                documentTitle: string;
                end: number;
                otherParagraph: number;
                paragraph: number;
                similarity: number;
                start: number;
            }[];
            /** @enum {string} */
            verdict: "pass" | "revise" | "over_limit";
        };
        DocumentSummary: {
            author: {
                id: number;
                name: string;
            };
            characters: number;
            id: number;
            issuedAt: string | null;
            /** @enum {string} */
            kind: "document" | "single_topic" | "brief" | "report" | "speech_major" | "speech";
            number: string | null;
            phrasesPer1000: number | null;
            /** @enum {string} */
            status: "draft" | "checked" | "issued";
            title: string;
            unit: {
                id: number;
                name: string;
            };
            updatedAt: string;
            /** @enum {string|null} */
            verdict: "pass" | "revise" | "over_limit" | null;
            version: number;
            year: number;
        };
        /** @description Error: { error: { code, message, details } } */
        Error: {
            error: {
                code: string;
                details?: unknown;
                message: string;
            };
        };
        FieldAnnual: {
            rows: {
                byKind: {
                    inspection: number;
                    onsite: number;
                    petition: number;
                    stationed: number;
                    survey: number;
                };
                findings: number;
                findingsResolved: number;
                findingsWithTask: number;
                person: {
                    id: number;
                    name: string;
                    /** @enum {string} */
                    rank: "provincial" | "department" | "county" | "township" | "other";
                    title: string | null;
                    unitName: string;
                };
                places: number;
                quota: {
                    behind: boolean;
                    days: number;
                    expectedByNow: number;
                    marginDays: number;
                    /** @enum {string} */
                    rank: "provincial" | "department" | "county" | "township" | "other";
                    rankSince: string | null;
                    shortfall: number;
                    target: number;
                    year: number;
                };
                unannounced: number;
                villages: number;
                visits: number;
            }[];
            unit: {
                id: number;
                name: string;
            };
            year: number;
        };
        FieldBehind: {
            items: {
                person: {
                    id: number;
                    name: string;
                    /** @enum {string} */
                    rank: "provincial" | "department" | "county" | "township" | "other";
                    title: string | null;
                    unitName: string;
                };
                quota: {
                    behind: boolean;
                    days: number;
                    expectedByNow: number;
                    marginDays: number;
                    /** @enum {string} */
                    rank: "provincial" | "department" | "county" | "township" | "other";
                    rankSince: string | null;
                    shortfall: number;
                    target: number;
                    year: number;
                };
            }[];
            unit: {
                id: number;
                name: string;
            };
            year: number;
        };
        FieldFinding: {
            category: string | null;
            id: number;
            placeId: number | null;
            position: number;
            problem: string;
            /** @enum {string} */
            severity: "low" | "medium" | "high";
            task: {
                deadline: string;
                id: number;
                leadUnitId: number;
                /** @enum {string} */
                light: "green" | "yellow" | "red" | "done";
                /** @enum {string} */
                status: "assigned" | "signed" | "in_progress" | "submitted" | "verified" | "closed" | "returned" | "withdrawn";
                title: string;
            } | null;
            taskId: number | null;
        };
        FieldQuota: {
            behind: boolean;
            days: number;
            expectedByNow: number;
            marginDays: number;
            person: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            rank: "provincial" | "department" | "county" | "township" | "other";
            rankSince: string | null;
            shortfall: number;
            target: number;
            year: number;
        };
        FieldStats: {
            county: {
                advanced: number;
                findings: number;
                findingsResolved: number;
                findingsWithTask: number;
                lagging: number;
                laggingShare: number | null;
                placeVisits: number;
                resolvedShare: number | null;
                taskShare: number | null;
                topTenthPlaces: number;
                topTenthShare: number | null;
                unannounced: number;
                unannouncedShare: number | null;
                visits: number;
            };
            leaders: {
                advanced: number;
                findings: number;
                findingsResolved: number;
                findingsWithTask: number;
                lagging: number;
                laggingShare: number | null;
                person: {
                    id: number;
                    name: string;
                    title: string | null;
                    unitName: string;
                };
                placeVisits: number;
                resolvedShare: number | null;
                showcaseHeavy: boolean;
                taskShare: number | null;
                topTenthPlaces: number;
                topTenthShare: number | null;
                unannounced: number;
                unannouncedShare: number | null;
                villagesUnvisited: number;
                visits: number;
            }[];
            unit: {
                id: number;
                name: string;
            };
            unvisitedVillages: {
                id: number;
                name: string;
                townshipName: string;
            }[];
            villages: number;
            year: number;
        };
        FieldVisit: {
            canAssign: boolean;
            createdAt: string;
            createdBy: number;
            endDate: string;
            findings: components["schemas"]["FieldFinding"][];
            halfDay: boolean;
            id: number;
            /** @enum {string} */
            kind: "survey" | "onsite" | "petition" | "stationed" | "inspection";
            people: {
                id: number;
                name: string;
                title: string | null;
                unitName: string;
            }[];
            peopleMet: string | null;
            places: {
                id: number;
                /** @enum {string} */
                kind: "village" | "community" | "enterprise" | "project" | "school" | "clinic";
                name: string;
                tags: string[];
                townshipName: string;
            }[];
            purpose: string;
            seen: string | null;
            startDate: string;
            unannounced: boolean;
        };
        Meeting: {
            actualMinutes: number | null;
            agenda: {
                actualMinutes: number | null;
                endedAt: string | null;
                id: number;
                minutes: number;
                overrun: number;
                position: number;
                /** @enum {string} */
                role: "main" | "other";
                speaker: string | null;
                speakerId: number | null;
                startedAt: string | null;
                topic: string | null;
            }[];
            agendaMinutes: number;
            allowedActions: ("update" | "approve" | "refuse" | "record_actual" | "edit_decisions" | "conclude" | "cancel")[];
            approval: {
                comment: string | null;
                decidedAt: string;
                decidedBy: {
                    id: number;
                    name: string;
                };
            } | null;
            attendingUnits: {
                id: number;
                name: string;
            }[];
            cancelledAt: string | null;
            cancelReason: string | null;
            chair: string | null;
            concludedAt: string | null;
            createdAt: string;
            decisions: components["schemas"]["MeetingDecision"][];
            endsAt: string;
            findings: components["schemas"]["MeetingFinding"][];
            headcount: number;
            id: number;
            /** @enum {string} */
            kind: "comprehensive" | "standing" | "topic" | "department" | "video";
            online: boolean;
            organizerUnit: {
                id: number;
                name: string;
            };
            overrideReason: string | null;
            place: string | null;
            plannedBy: {
                id: number;
                name: string;
            };
            plannedMinutes: number;
            /** @enum {string} */
            scope: "region" | "internal";
            slotMinutes: number;
            startsAt: string;
            /** @enum {string} */
            status: "pending_approval" | "planned" | "held" | "concluded" | "cancelled" | "refused";
            title: string;
            updatedAt: string;
            version: number;
            year: number;
        };
        MeetingDecision: {
            deadline: string | null;
            deadlineWorkdays: number | null;
            description: string | null;
            id: number;
            leadUnit: {
                id: number;
                name: string;
            } | null;
            /** @enum {string} */
            level: "normal" | "key" | "major";
            position: number;
            responsible: {
                id: number;
                name: string;
            } | null;
            task: {
                deadline: string;
                id: number;
                /** @enum {string} */
                light: "green" | "yellow" | "red" | "done";
                lightReasons: string[];
                overdueWorkdays: number;
                /** @enum {string} */
                status: "assigned" | "signed" | "in_progress" | "submitted" | "verified" | "closed" | "returned" | "withdrawn";
            } | null;
            taskId: number | null;
            text: string;
        };
        MeetingFinding: {
            actual?: number;
            item?: number;
            limit?: number;
            meetingId?: number;
            message: string;
            /** @enum {string} */
            rule: "total_length" | "main_speech_length" | "other_speech_length" | "main_speech_count" | "comprehensive_quota" | "yearly_count" | "merge";
            /** @enum {string} */
            severity: "block" | "warn";
            suggestion?: string;
        };
        MeetingStats: {
            byKind: {
                /** @enum {string} */
                kind: "comprehensive" | "standing" | "topic" | "department" | "video";
                lastYear: number;
                thisYear: number;
            }[];
            decisions: {
                shareWithTask: number | null;
                total: number;
                withTask: number;
            };
            length: {
                averageActualMinutes: number | null;
                averagePlannedMinutes: number | null;
                averageSlotMinutes: number | null;
                meetings: number;
                timedMeetings: number;
            };
            tasks: {
                late: number;
                onTime: number;
                pending: number;
                shareOnTime: number | null;
                total: number;
            };
            total: {
                lastYear: number;
                thisYear: number;
            };
            unit: {
                id: number;
                name: string;
            };
            year: number;
        };
        Notification: {
            body: string;
            createdAt: string;
            id: number;
            kind: string;
            objectId: string | null;
            objectType: string | null;
            readAt: string | null;
            title: string;
        };
        /** @description Open311 errors: [{ code, description }] */
        Open311Errors: {
            code: number;
            description: string;
        }[];
        Person: {
            active: boolean;
            email: string | null;
            id: number;
            login: string | null;
            name: string;
            phone: string | null;
            /** @enum {string} */
            rank: "provincial" | "department" | "county" | "township" | "other";
            rankSince: string | null;
            roles: string[];
            title: string | null;
            unitId: number;
            unitName: string;
        };
        Policy: {
            audit: {
                keepMonths: number;
            };
            auth: {
                idleTimeoutMinutes: number;
                lockoutMinutes: number;
                maxFailedLogins: number;
                passwordMinClasses: number;
                passwordMinLength: number;
                sessionMaxHours: number;
            };
            documents: {
                maxChars: {
                    brief: number;
                    general: number;
                    report: number;
                    singleTopic: number;
                };
                yearlyReductionPercent: number;
            };
            meetings: {
                comprehensiveMeetingsPerYear: number;
                mainSpeechesPerMeeting: number;
                mainSpeechMaxMinutes: number;
                mergeWindowDays: number;
                ordinaryMeetingMaxMinutes: number;
                otherSpeechMaxMinutes: number;
                speechDraftMaxChars: {
                    major: number;
                    other: number;
                };
                yearlyReductionPercent: number;
            };
            notify: {
                digestAt: string;
                mandatory: {
                    [key: string]: ("email" | "sms")[];
                };
                quietEnd: string;
                quietStart: string;
                smsMaxChars: number;
                urgentChannels: ("email" | "sms")[];
                /** @enum {string} */
                urgentFromRung: "remind" | "urge" | "supervise" | "notice" | "accountability";
            };
            publicRequests: {
                acknowledgeWorkdays: number;
                extensionMaxWorkdays: number;
                maxExtensions: number;
                ratingWindowDays: number;
                rectifyWorkdays: number;
                resolveWorkdays: {
                    complaint: number;
                    consult: number;
                    help: number;
                    report: number;
                    suggestion: number;
                };
                returnWithinWorkdays: number;
            };
            reports: {
                generateOnWorkday: number;
                tableRows: number;
            };
            research: {
                behindMarginDays: number;
                fieldDaysPerYear: {
                    county: number;
                    department: number;
                    other: number;
                    provincial: number;
                    township: number;
                };
            };
            scoreboard: {
                escalationPoints: {
                    accountability: number;
                    notice: number;
                    remind: number;
                    supervise: number;
                    urge: number;
                };
                honourListSize: number;
                minComponents: number;
                minSamples: number;
                overduePointsPerDay: number;
                periodKinds: ("month" | "quarter" | "year")[];
                weights: {
                    citizen_on_time: number;
                    citizen_satisfaction: number;
                    documents: number;
                    escalations: number;
                    extensions: number;
                    feedback: number;
                    field_days: number;
                    findings: number;
                    meetings: number;
                    on_time: number;
                    overdue_days: number;
                    progress: number;
                    sign: number;
                };
            };
            tasks: {
                escalation: {
                    accountability: number;
                    notice: number;
                    remind: number;
                    supervise: number;
                    urge: number;
                };
                maxExtensions: number;
                planWithinDays: number;
                reportEveryDays: {
                    key: number;
                    major: number;
                    normal: number;
                };
                signWithinWorkdays: number;
                yellowWithinWorkdays: number;
            };
        };
        ResearchPlace: {
            active: boolean;
            id: number;
            /** @enum {string} */
            kind: "village" | "community" | "enterprise" | "project" | "school" | "clinic";
            name: string;
            tags: string[];
            townshipId: number;
            townshipName: string;
        };
        Task: {
            assessment: string | null;
            assignedAt: string;
            assignerId: number;
            closedAt: string | null;
            completion: {
                evidence?: string;
                text: string;
            } | null;
            coUnitIds: number[];
            deadline: string;
            deadlineEstimated: boolean;
            description: string | null;
            escalations: {
                at: string;
                /** @enum {string} */
                level: "remind" | "urge" | "supervise" | "notice" | "accountability";
                overdueWorkdays: number;
            }[];
            extensionsUsed: number;
            id: number;
            leaderId: number | null;
            leadUnit: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            level: "normal" | "key" | "major";
            /** @enum {string} */
            light: "green" | "yellow" | "red" | "done";
            lightReasons: string[];
            nextMilestoneDue: string | null;
            nextReportDue: string | null;
            originalDeadline: string;
            overdueWorkdays: number;
            pendingExtension: boolean;
            planDue: string | null;
            progressPercent: number;
            responsible: {
                id: number;
                name: string;
            } | null;
            signDue: string;
            signedAt: string | null;
            source: {
                id: number | null;
                /** @enum {string} */
                kind: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                ref: string | null;
            };
            standard: string | null;
            /** @enum {string} */
            status: "assigned" | "signed" | "in_progress" | "submitted" | "verified" | "closed" | "returned" | "withdrawn";
            submittedAt: string | null;
            summary: {
                done: string;
                lessons: string;
                result: string;
            } | null;
            title: string;
            updatedAt: string;
            verifiedAt: string | null;
            version: number;
        };
        TaskChange: {
            deadline: string;
            extensionsUsed: number;
            id: number;
            leadUnitId: number;
            /** @enum {string} */
            light: "green" | "yellow" | "red" | "done";
            lightReasons: string[];
            nextMilestoneDue: string | null;
            nextReportDue: string | null;
            overdueWorkdays: number;
            pendingExtension: boolean;
            planDue: string | null;
            progressPercent: number;
            responsibleId: number | null;
            signDue: string;
            /** @enum {string} */
            status: "assigned" | "signed" | "in_progress" | "submitted" | "verified" | "closed" | "returned" | "withdrawn";
            updatedAt: string;
            version: number;
        };
        TaskDetail: {
            allowedActions: string[];
            assessment: string | null;
            assignedAt: string;
            assignerId: number;
            attachments: {
                contentType: string;
                createdAt: string;
                eventId: number | null;
                fileName: string;
                id: number;
                sha256: string;
                size: number;
            }[];
            closedAt: string | null;
            completion: {
                evidence?: string;
                text: string;
            } | null;
            coUnitIds: number[];
            coUnits: {
                lastReportAt: string | null;
                lastText: string | null;
                mine: boolean;
                percent: number;
                reports: number;
                signedAt: string | null;
                signedByName: string | null;
                unitId: number;
                unitName: string;
            }[];
            deadline: string;
            deadlineEstimated: boolean;
            description: string | null;
            escalations: {
                at: string;
                /** @enum {string} */
                level: "remind" | "urge" | "supervise" | "notice" | "accountability";
                overdueWorkdays: number;
            }[];
            extensions: {
                createdAt: string;
                currentDeadline: string;
                decidedBy: number | null;
                decisionNote: string | null;
                id: number;
                newDeadline: string;
                reason: string;
                requestedBy: number;
                status: string;
            }[];
            extensionsUsed: number;
            id: number;
            leader: {
                id: number;
                name: string;
            } | null;
            leaderId: number | null;
            leadUnit: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            level: "normal" | "key" | "major";
            /** @enum {string} */
            light: "green" | "yellow" | "red" | "done";
            lightReasons: string[];
            milestones: {
                doneAt: string | null;
                due: string;
                id: number;
                ownerId: number | null;
                ownerName: string | null;
                title: string;
            }[];
            nextMilestoneDue: string | null;
            nextReportDue: string | null;
            originalDeadline: string;
            overdueWorkdays: number;
            pendingExtension: boolean;
            planDue: string | null;
            progressPercent: number;
            responsible: {
                id: number;
                name: string;
            } | null;
            signDue: string;
            signedAt: string | null;
            source: {
                id: number | null;
                /** @enum {string} */
                kind: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                ref: string | null;
            };
            standard: string | null;
            /** @enum {string} */
            status: "assigned" | "signed" | "in_progress" | "submitted" | "verified" | "closed" | "returned" | "withdrawn";
            submittedAt: string | null;
            summary: {
                done: string;
                lessons: string;
                result: string;
            } | null;
            timeline: {
                actorId: number | null;
                actorName: string | null;
                at: string;
                data: {
                    [key: string]: unknown;
                };
                id: number;
                kind: string;
            }[];
            title: string;
            updatedAt: string;
            urgings: {
                answer: string | null;
                answeredAt: string | null;
                answeredBy: number | null;
                answeredByName: string | null;
                at: string;
                byId: number;
                byName: string;
                id: number;
                /** @enum {string} */
                level: "urge" | "supervise";
                overdue: boolean;
                replyDue: string;
                text: string;
            }[];
            verifiedAt: string | null;
            version: number;
        };
        TaskListItem: {
            assignedAt: string;
            assignerId: number;
            closedAt: string | null;
            coUnitIds: number[];
            deadline: string;
            deadlineEstimated: boolean;
            escalations: {
                at: string;
                /** @enum {string} */
                level: "remind" | "urge" | "supervise" | "notice" | "accountability";
                overdueWorkdays: number;
            }[];
            extensionsUsed: number;
            id: number;
            leaderId: number | null;
            leadUnit: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            level: "normal" | "key" | "major";
            /** @enum {string} */
            light: "green" | "yellow" | "red" | "done";
            lightReasons: string[];
            nextMilestoneDue: string | null;
            nextReportDue: string | null;
            originalDeadline: string;
            overdueWorkdays: number;
            pendingExtension: boolean;
            planDue: string | null;
            progressPercent: number;
            responsible: {
                id: number;
                name: string;
            } | null;
            signDue: string;
            signedAt: string | null;
            source: {
                id: number | null;
                /** @enum {string} */
                kind: "directive" | "meeting" | "instruction" | "research" | "citizen" | "document" | "other";
                ref: string | null;
            };
            /** @enum {string} */
            status: "assigned" | "signed" | "in_progress" | "submitted" | "verified" | "closed" | "returned" | "withdrawn";
            submittedAt: string | null;
            title: string;
            updatedAt: string;
            verifiedAt: string | null;
            version: number;
        };
        Unit: {
            active: boolean;
            code: string;
            id: number;
            /** @enum {string} */
            kind: "region" | "department";
            /** @enum {string} */
            level: "province" | "prefecture" | "county" | "township";
            name: string;
            parentId: number | null;
            sortOrder: number;
        };
        User: {
            id: number;
            login: string;
            name: string;
            roles: string[];
            unitId: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
