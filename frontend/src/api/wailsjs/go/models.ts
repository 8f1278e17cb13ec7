export namespace app {
	
	export class Info {
	    version: string;
	    mode: string;
	    dataDir: string;
	    demo: boolean;
	    selfTest: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.mode = source["mode"];
	        this.dataDir = source["dataDir"];
	        this.demo = source["demo"];
	        this.selfTest = source["selfTest"];
	    }
	}
	export class ReferenceData {
	    tables: Record<string, {id: string; name: string; source: string; version: string; codes: refdata.Code[]}>;
	    professions: refdata.Code[];
	    departments: refdata.Department[];
	    activityCodes: {[key: string]: refdata.ActivityCodes};
	
	    static createFrom(source: any = {}) {
	        return new ReferenceData(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tables = source["tables"];
	        this.professions = this.convertValues(source["professions"], refdata.Code);
	        this.departments = this.convertValues(source["departments"], refdata.Department);
	        this.activityCodes = this.convertValues(source["activityCodes"], refdata.ActivityCodes, true);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SavedFile {
	    path?: string;
	    fileName: string;
	    canceled?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SavedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.fileName = source["fileName"];
	        this.canceled = source["canceled"];
	    }
	}
	export class SelfTestReport {
	    passed: number;
	    failures: string[];
	
	    static createFrom(source: any = {}) {
	        return new SelfTestReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.passed = source["passed"];
	        this.failures = source["failures"];
	    }
	}
	export class Session {
	    id: string;
	    actor: erpps.Actor;
	    principal: string;
	
	    static createFrom(source: any = {}) {
	        return new Session(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.actor = this.convertValues(source["actor"], erpps.Actor);
	        this.principal = source["principal"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace attestation {
	
	export class Verified {
	    valid: boolean;
	    documentNumber: string;
	    rpps: string;
	    name: string;
	    issuer: string;
	    issuedAt: string;
	    issuedAtLabel: string;
	    professions: string;
	    keyId: string;
	    contentDigest: string;
	    localKey: boolean;
	    demo: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Verified(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valid = source["valid"];
	        this.documentNumber = source["documentNumber"];
	        this.rpps = source["rpps"];
	        this.name = source["name"];
	        this.issuer = source["issuer"];
	        this.issuedAt = source["issuedAt"];
	        this.issuedAtLabel = source["issuedAtLabel"];
	        this.professions = source["professions"];
	        this.keyId = source["keyId"];
	        this.contentDigest = source["contentDigest"];
	        this.localKey = source["localKey"];
	        this.demo = source["demo"];
	    }
	}

}

export namespace erpps {
	
	export enum RequestStatus {
	    Draft = "draft",
	    Transmitted = "transmitted",
	    UnderReview = "under_review",
	    Accepted = "accepted",
	    Refused = "refused",
	    ComplementRequested = "complement_requested",
	    Withdrawn = "withdrawn",
	    ClosedNoAction = "closed_no_action",
	}
	export enum RequestKind {
	    CeaseActivity = "cease_activity",
	    NewActivity = "new_activity",
	    NewProfession = "new_profession",
	    Contact = "contact",
	    ExerciseName = "exercise_name",
	}
	export class Actor {
	    role: string;
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Actor(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.role = source["role"];
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class Address {
	    recipient?: string;
	    complement?: string;
	    number?: string;
	    repetition?: string;
	    streetType?: string;
	    street?: string;
	    distribution?: string;
	    postalCode: string;
	    communeCode?: string;
	    city: string;
	    cedex?: string;
	    country?: string;
	
	    static createFrom(source: any = {}) {
	        return new Address(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.recipient = source["recipient"];
	        this.complement = source["complement"];
	        this.number = source["number"];
	        this.repetition = source["repetition"];
	        this.streetType = source["streetType"];
	        this.street = source["street"];
	        this.distribution = source["distribution"];
	        this.postalCode = source["postalCode"];
	        this.communeCode = source["communeCode"];
	        this.city = source["city"];
	        this.cedex = source["cedex"];
	        this.country = source["country"];
	    }
	}
	export class FieldError {
	    field: string;
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class PractitionerFilter {
	    query: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new PractitionerFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class PractitionerSummary {
	    rpps: string;
	    civility: string;
	    exerciseName: string;
	    firstName: string;
	    professionCodes: string[];
	    departments: string[];
	    openRequests: number;
	    drafts: number;
	
	    static createFrom(source: any = {}) {
	        return new PractitionerSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rpps = source["rpps"];
	        this.civility = source["civility"];
	        this.exerciseName = source["exerciseName"];
	        this.firstName = source["firstName"];
	        this.professionCodes = source["professionCodes"];
	        this.departments = source["departments"];
	        this.openRequests = source["openRequests"];
	        this.drafts = source["drafts"];
	    }
	}
	export class RequestEvent {
	    from: RequestStatus;
	    to: RequestStatus;
	    // Go type: time
	    at: any;
	    actor: Actor;
	    comment?: string;
	
	    static createFrom(source: any = {}) {
	        return new RequestEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.at = this.convertValues(source["at"], null);
	        this.actor = this.convertValues(source["actor"], Actor);
	        this.comment = source["comment"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Request {
	    id: string;
	    rpps: string;
	    kind: RequestKind;
	    status: RequestStatus;
	    targetId?: string;
	    linkedRequestId?: string;
	    department?: string;
	    payload: Record<string, any>;
	    revision: number;
	    deadline?: string;
	    reason?: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    // Go type: time
	    transmittedAt?: any;
	    history: RequestEvent[];
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.rpps = source["rpps"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.targetId = source["targetId"];
	        this.linkedRequestId = source["linkedRequestId"];
	        this.department = source["department"];
	        this.payload = source["payload"];
	        this.revision = source["revision"];
	        this.deadline = source["deadline"];
	        this.reason = source["reason"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.transmittedAt = this.convertValues(source["transmittedAt"], null);
	        this.history = this.convertValues(source["history"], RequestEvent);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RequestFilter {
	    rpps?: string;
	    kind?: RequestKind;
	    statuses?: string[];
	    targetId?: string;
	    limit?: number;
	    withoutHistory?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RequestFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rpps = source["rpps"];
	        this.kind = source["kind"];
	        this.statuses = source["statuses"];
	        this.targetId = source["targetId"];
	        this.limit = source["limit"];
	        this.withoutHistory = source["withoutHistory"];
	    }
	}
	export class Structure {
	    siret?: string;
	    siren?: string;
	    finess?: string;
	    finessEJ?: string;
	    technicalId?: string;
	    companyName: string;
	    tradeName?: string;
	    address: Address;
	    phone?: string;
	    email?: string;
	    department: string;
	
	    static createFrom(source: any = {}) {
	        return new Structure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.siret = source["siret"];
	        this.siren = source["siren"];
	        this.finess = source["finess"];
	        this.finessEJ = source["finessEJ"];
	        this.technicalId = source["technicalId"];
	        this.companyName = source["companyName"];
	        this.tradeName = source["tradeName"];
	        this.address = this.convertValues(source["address"], Address);
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.department = source["department"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace refdata {
	
	export class Code {
	    code: string;
	    label: string;
	    retired: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Code(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.label = source["label"];
	        this.retired = source["retired"];
	    }
	}
	export class ActivityCodes {
	    sectors: Code[];
	    functions: Code[];
	
	    static createFrom(source: any = {}) {
	        return new ActivityCodes(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sectors = this.convertValues(source["sectors"], Code);
	        this.functions = this.convertValues(source["functions"], Code);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Authority {
	    code: string;
	    kind: string;
	    label: string;
	    contact?: string;
	
	    static createFrom(source: any = {}) {
	        return new Authority(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.contact = source["contact"];
	    }
	}
	
	export class Department {
	    code: string;
	    name: string;
	    regionCode: string;
	    regionName: string;
	    ars: string;
	    arsCode: string;
	
	    static createFrom(source: any = {}) {
	        return new Department(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.regionCode = source["regionCode"];
	        this.regionName = source["regionName"];
	        this.ars = source["ars"];
	        this.arsCode = source["arsCode"];
	    }
	}

}

export namespace requests {
	
	export class GuidanceAction {
	    label: string;
	    kind: string;
	    requestKind?: erpps.RequestKind;
	    targetId?: string;
	    field?: string;
	    value?: string;
	
	    static createFrom(source: any = {}) {
	        return new GuidanceAction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.kind = source["kind"];
	        this.requestKind = source["requestKind"];
	        this.targetId = source["targetId"];
	        this.field = source["field"];
	        this.value = source["value"];
	    }
	}
	export class Guidance {
	    code: string;
	    level: string;
	    title: string;
	    message: string;
	    action?: GuidanceAction;
	    actions?: GuidanceAction[];
	
	    static createFrom(source: any = {}) {
	        return new Guidance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.level = source["level"];
	        this.title = source["title"];
	        this.message = source["message"];
	        this.action = this.convertValues(source["action"], GuidanceAction);
	        this.actions = this.convertValues(source["actions"], GuidanceAction);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ProfessionRegistration {
	    professionCode: string;
	    professionLabel: string;
	    authority: refdata.Authority;
	
	    static createFrom(source: any = {}) {
	        return new ProfessionRegistration(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.professionCode = source["professionCode"];
	        this.professionLabel = source["professionLabel"];
	        this.authority = this.convertValues(source["authority"], refdata.Authority);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Registration {
	    professions: ProfessionRegistration[];
	    authority: refdata.Authority;
	    servedByArs: boolean;
	    notice?: Guidance;
	
	    static createFrom(source: any = {}) {
	        return new Registration(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.professions = this.convertValues(source["professions"], ProfessionRegistration);
	        this.authority = this.convertValues(source["authority"], refdata.Authority);
	        this.servedByArs = source["servedByArs"];
	        this.notice = this.convertValues(source["notice"], Guidance);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PractitionerView {
	    rpps: string;
	    civility: string;
	    exerciseCivility?: string;
	    birthName: string;
	    exerciseName: string;
	    firstName: string;
	    exerciseFirstName?: string;
	    birthDate?: string;
	    // Go type: erpps
	    contact: any;
	    professions: erpps.Profession[];
	    activities: erpps.Activity[];
	    // Go type: time
	    updatedAt: any;
	    registration: Registration;
	    civilityShort: string;
	
	    static createFrom(source: any = {}) {
	        return new PractitionerView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rpps = source["rpps"];
	        this.civility = source["civility"];
	        this.exerciseCivility = source["exerciseCivility"];
	        this.birthName = source["birthName"];
	        this.exerciseName = source["exerciseName"];
	        this.firstName = source["firstName"];
	        this.exerciseFirstName = source["exerciseFirstName"];
	        this.birthDate = source["birthDate"];
	        this.contact = this.convertValues(source["contact"], null);
	        this.professions = this.convertValues(source["professions"], erpps.Profession);
	        this.activities = this.convertValues(source["activities"], erpps.Activity);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.registration = this.convertValues(source["registration"], Registration);
	        this.civilityShort = source["civilityShort"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class StartInput {
	    rpps: string;
	    kind: erpps.RequestKind;
	    targetId?: string;
	
	    static createFrom(source: any = {}) {
	        return new StartInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rpps = source["rpps"];
	        this.kind = source["kind"];
	        this.targetId = source["targetId"];
	    }
	}
	export class Validation {
	    fields: erpps.FieldError[];
	    guidance: Guidance[];
	    complete: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Validation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fields = this.convertValues(source["fields"], erpps.FieldError);
	        this.guidance = this.convertValues(source["guidance"], Guidance);
	        this.complete = source["complete"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class View {
	    request?: erpps.Request;
	    validation: Validation;
	    nextStatuses: string[];
	    resumed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.request = this.convertValues(source["request"], erpps.Request);
	        this.validation = this.convertValues(source["validation"], Validation);
	        this.nextStatuses = source["nextStatuses"];
	        this.resumed = source["resumed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

