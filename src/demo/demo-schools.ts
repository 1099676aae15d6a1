/**
 * Deterministic demo data: 40 fictional schools shaped like rows of the DfE GIAS
 * register (Get Information About Schools), spread over the five demo teaching
 * school alliances plus a handful of unaffiliated schools.
 *
 * All schools, trusts and UKPRNs are invented. URNs use the reserved demo range
 * 990001-990099 so they can never collide with a real establishment.
 */

/** A school row in the shape of the DfE GIAS register, codes as strings exactly as GIAS writes them. */
export interface DemoSchool {
  urn: string;               // '990001'
  name: string;              // EstablishmentName
  laCode: string;            // 3-digit DfE LA code, e.g. '208'
  laName: string;            // e.g. 'Lambeth'
  establishmentNumber: string; // 4 digits, e.g. '2041'
  typeCode: string; typeName: string;          // TypeOfEstablishment, e.g. '1','Community school'; '34','Academy converter'
  typeGroupCode: string; typeGroupName: string; // EstablishmentTypeGroup, e.g. '4','Local authority maintained schools'; '10','Academies'; '11','Free Schools'; '5','Special schools'
  statusCode: string; statusName: string;       // '1','Open' mostly; include one '3','Open, but proposed to close'
  phaseCode: string; phaseName: string;         // '2','Primary'; '4','Secondary'; '1','Nursery'; '7','All-through'; '0','Not applicable' for special/PRU
  lowAge: number; highAge: number;
  religiousCharacterCode: string | null; religiousCharacterName: string | null; // e.g. '02','Roman Catholic'; '03','Church of England'; null when none
  dioceseCode: string | null; dioceseName: string | null;   // e.g. 'RC08','Archdiocese of Southwark'; 'CE36','Diocese of Southwark'
  trustCode: string | null; trustName: string | null;       // academies only, e.g. '16001','Riverside Learning Trust'
  ukprn: string | null;      // 8 digits starting 100..., or null
  postcode: string; town: string;
  openDate: string | null;   // ISO yyyy-mm-dd or null
  alliance: 'london-south' | 'romero' | 'fusion' | 'pathway' | 'forest' | null; // the demo alliance it belongs to, null for a few unaffiliated schools
  allianceRole: 'LEAD_SCHOOL' | 'STRATEGIC_PARTNER' | 'MEMBER' | 'ASSOCIATE' | null;
  memberSince: string | null; // ISO date the membership started, e.g. '2019-09-01'
}

export const DEMO_SCHOOLS: readonly DemoSchool[] = [
  // ---------------------------------------------------------------------------
  // london-south: "London South TSA" (Lambeth 208, Southwark 210, Croydon 306)
  // ---------------------------------------------------------------------------
  { urn: '990001', name: 'Kennington Park Academy', laCode: '208', laName: 'Lambeth', establishmentNumber: '4012',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 18, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16001', trustName: 'Riverside Learning Trust', ukprn: '10034521', postcode: 'SE11 4PL', town: 'London', openDate: '2012-08-01',
    alliance: 'london-south', allianceRole: 'LEAD_SCHOOL', memberSince: '2014-09-01' },
  { urn: '990002', name: 'Herne Hill Primary School', laCode: '208', laName: 'Lambeth', establishmentNumber: '2041',
    typeCode: '1', typeName: 'Community school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10071234', postcode: 'SE24 9JR', town: 'London', openDate: null,
    alliance: 'london-south', allianceRole: 'STRATEGIC_PARTNER', memberSince: '2014-09-01' },
  { urn: '990003', name: "St Saviour's Church of England Primary School", laCode: '210', laName: 'Southwark', establishmentNumber: '3318',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '03', religiousCharacterName: 'Church of England', dioceseCode: 'CE36', dioceseName: 'Diocese of Southwark',
    trustCode: null, trustName: null, ukprn: '10071870', postcode: 'SE5 8RR', town: 'London', openDate: null,
    alliance: 'london-south', allianceRole: 'MEMBER', memberSince: '2015-09-01' },
  { urn: '990004', name: 'Peckham Rye Primary Academy', laCode: '210', laName: 'Southwark', establishmentNumber: '2176',
    typeCode: '28', typeName: 'Academy sponsor led', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16001', trustName: 'Riverside Learning Trust', ukprn: '10053318', postcode: 'SE15 3UE', town: 'London', openDate: '2016-04-01',
    alliance: 'london-south', allianceRole: 'STRATEGIC_PARTNER', memberSince: '2016-09-01' },
  { urn: '990005', name: "St Anselm's Catholic College", laCode: '210', laName: 'Southwark', establishmentNumber: '4651',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 18, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC08', dioceseName: 'Archdiocese of Southwark',
    trustCode: null, trustName: null, ukprn: '10017642', postcode: 'SE1 6QP', town: 'London', openDate: null,
    alliance: 'london-south', allianceRole: 'MEMBER', memberSince: '2017-01-09' },
  { urn: '990006', name: 'Thornton Heath Primary School', laCode: '306', laName: 'Croydon', establishmentNumber: '2034',
    typeCode: '1', typeName: 'Community school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: null, postcode: 'CR7 8RS', town: 'Thornton Heath', openDate: null,
    alliance: 'london-south', allianceRole: 'ASSOCIATE', memberSince: '2021-09-01' },
  { urn: '990007', name: 'Addiscombe Grove Academy', laCode: '306', laName: 'Croydon', establishmentNumber: '4021',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 16, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16114', trustName: 'South Norwood Schools Partnership', ukprn: '10040276', postcode: 'CR0 6DD', town: 'Croydon', openDate: '2013-09-01',
    alliance: 'london-south', allianceRole: 'MEMBER', memberSince: '2018-09-01' },

  // ---------------------------------------------------------------------------
  // romero: "Romero TSA" (Coventry 331, Catholic, Archdiocese of Birmingham)
  // ---------------------------------------------------------------------------
  { urn: '990008', name: 'Blessed Oscar Romero Catholic Academy', laCode: '331', laName: 'Coventry', establishmentNumber: '4620',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 18, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC03', dioceseName: 'Archdiocese of Birmingham',
    trustCode: '16210', trustName: 'Our Lady of Walsingham Catholic Multi-Academy Company', ukprn: '10058841', postcode: 'CV6 1GH', town: 'Coventry', openDate: '2015-11-01',
    alliance: 'romero', allianceRole: 'LEAD_SCHOOL', memberSince: '2016-09-01' },
  { urn: '990009', name: "St Gregory's Catholic Primary School", laCode: '331', laName: 'Coventry', establishmentNumber: '3402',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC03', dioceseName: 'Archdiocese of Birmingham',
    trustCode: null, trustName: null, ukprn: '10072915', postcode: 'CV2 4LL', town: 'Coventry', openDate: null,
    alliance: 'romero', allianceRole: 'STRATEGIC_PARTNER', memberSince: '2016-09-01' },
  { urn: '990010', name: 'Christ the King Catholic Primary School', laCode: '331', laName: 'Coventry', establishmentNumber: '3418',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC03', dioceseName: 'Archdiocese of Birmingham',
    trustCode: '16210', trustName: 'Our Lady of Walsingham Catholic Multi-Academy Company', ukprn: '10058907', postcode: 'CV6 2BD', town: 'Coventry', openDate: '2015-11-01',
    alliance: 'romero', allianceRole: 'MEMBER', memberSince: '2016-09-01' },
  { urn: '990011', name: "St Bernadette's Catholic Primary School", laCode: '331', laName: 'Coventry', establishmentNumber: '3425',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC03', dioceseName: 'Archdiocese of Birmingham',
    trustCode: null, trustName: null, ukprn: '10073188', postcode: 'CV2 3FE', town: 'Coventry', openDate: null,
    alliance: 'romero', allianceRole: 'MEMBER', memberSince: '2017-09-01' },
  { urn: '990012', name: 'Holy Family Catholic Primary School', laCode: '331', laName: 'Coventry', establishmentNumber: '3431',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC03', dioceseName: 'Archdiocese of Birmingham',
    trustCode: '16210', trustName: 'Our Lady of Walsingham Catholic Multi-Academy Company', ukprn: '10059012', postcode: 'CV6 5FY', town: 'Coventry', openDate: '2017-04-01',
    alliance: 'romero', allianceRole: 'MEMBER', memberSince: '2017-09-01' },
  { urn: '990013', name: "St Augustine's Catholic Primary School", laCode: '331', laName: 'Coventry', establishmentNumber: '3440',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '3', statusName: 'Open, but proposed to close',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC03', dioceseName: 'Archdiocese of Birmingham',
    trustCode: null, trustName: null, ukprn: '10073342', postcode: 'CV3 6GU', town: 'Coventry', openDate: null,
    alliance: 'romero', allianceRole: 'ASSOCIATE', memberSince: '2019-01-07' },
  { urn: '990014', name: 'Our Lady of the Assumption Catholic Primary School', laCode: '331', laName: 'Coventry', establishmentNumber: '3446',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC03', dioceseName: 'Archdiocese of Birmingham',
    trustCode: null, trustName: null, ukprn: '10073419', postcode: 'CV4 9FX', town: 'Coventry', openDate: null,
    alliance: 'romero', allianceRole: 'ASSOCIATE', memberSince: '2020-09-01' },

  // ---------------------------------------------------------------------------
  // fusion: "Fusion TSA" (Hertfordshire 919)
  // ---------------------------------------------------------------------------
  { urn: '990015', name: 'Ver Valley School', laCode: '919', laName: 'Hertfordshire', establishmentNumber: '5412',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 18, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16305', trustName: 'Chiltern Edge Education Trust', ukprn: '10031966', postcode: 'AL1 4HW', town: 'St Albans', openDate: '2011-08-01',
    alliance: 'fusion', allianceRole: 'LEAD_SCHOOL', memberSince: '2013-09-01' },
  { urn: '990016', name: 'Cassiobury Meadow Primary School', laCode: '919', laName: 'Hertfordshire', establishmentNumber: '2215',
    typeCode: '1', typeName: 'Community school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10074650', postcode: 'WD17 3LR', town: 'Watford', openDate: null,
    alliance: 'fusion', allianceRole: 'STRATEGIC_PARTNER', memberSince: '2013-09-01' },
  { urn: '990017', name: 'Oaktree Brook School', laCode: '919', laName: 'Hertfordshire', establishmentNumber: '7021',
    typeCode: '7', typeName: 'Community special school', typeGroupCode: '5', typeGroupName: 'Special schools', statusCode: '1', statusName: 'Open',
    phaseCode: '0', phaseName: 'Not applicable', lowAge: 2, highAge: 19, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10074731', postcode: 'HP2 4UB', town: 'Hemel Hempstead', openDate: null,
    alliance: 'fusion', allianceRole: 'MEMBER', memberSince: '2015-09-01' },
  { urn: '990018', name: 'Fairlands Valley Free School', laCode: '919', laName: 'Hertfordshire', establishmentNumber: '2398',
    typeCode: '35', typeName: 'Free schools', typeGroupCode: '11', typeGroupName: 'Free Schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16348', trustName: 'Stevenage Community Schools Trust', ukprn: '10083297', postcode: 'SG1 2EQ', town: 'Stevenage', openDate: '2019-09-01',
    alliance: 'fusion', allianceRole: 'MEMBER', memberSince: '2020-01-06' },
  { urn: '990019', name: "St Mary's Church of England Voluntary Controlled Primary School", laCode: '919', laName: 'Hertfordshire', establishmentNumber: '3305',
    typeCode: '3', typeName: 'Voluntary controlled school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '03', religiousCharacterName: 'Church of England', dioceseCode: 'CE32', dioceseName: 'Diocese of St Albans',
    trustCode: null, trustName: null, ukprn: '10074802', postcode: 'SG4 9TP', town: 'Hitchin', openDate: null,
    alliance: 'fusion', allianceRole: 'MEMBER', memberSince: '2016-09-01' },
  { urn: '990020', name: 'Highfield Lane Primary School', laCode: '919', laName: 'Hertfordshire', establishmentNumber: '5207',
    typeCode: '5', typeName: 'Foundation school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10074866', postcode: 'HP2 5RW', town: 'Hemel Hempstead', openDate: null,
    alliance: 'fusion', allianceRole: 'STRATEGIC_PARTNER', memberSince: '2014-04-01' },
  { urn: '990021', name: 'Watford Heath Academy', laCode: '919', laName: 'Hertfordshire', establishmentNumber: '4104',
    typeCode: '28', typeName: 'Academy sponsor led', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 18, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16305', trustName: 'Chiltern Edge Education Trust', ukprn: '10054120', postcode: 'WD19 4BG', town: 'Watford', openDate: '2018-09-01',
    alliance: 'fusion', allianceRole: 'ASSOCIATE', memberSince: '2022-09-01' },

  // ---------------------------------------------------------------------------
  // pathway: "Pathway Teaching School Alliance" (Kent 886)
  // ---------------------------------------------------------------------------
  { urn: '990022', name: 'Stour Valley All-Through Academy', laCode: '886', laName: 'Kent', establishmentNumber: '4093',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '7', phaseName: 'All-through', lowAge: 4, highAge: 18, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16422', trustName: 'Weald and Downs Academy Trust', ukprn: '10036654', postcode: 'TN23 4GQ', town: 'Ashford', openDate: '2014-09-01',
    alliance: 'pathway', allianceRole: 'LEAD_SCHOOL', memberSince: '2015-09-01' },
  { urn: '990023', name: 'North Kent Short Stay School', laCode: '886', laName: 'Kent', establishmentNumber: '1108',
    typeCode: '14', typeName: 'Pupil referral unit', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '0', phaseName: 'Not applicable', lowAge: 11, highAge: 16, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: null, postcode: 'DA12 2JW', town: 'Gravesend', openDate: '2010-04-01',
    alliance: 'pathway', allianceRole: 'MEMBER', memberSince: '2017-09-01' },
  { urn: '990024', name: 'Kingsnorth Meadows Primary School', laCode: '886', laName: 'Kent', establishmentNumber: '2617',
    typeCode: '1', typeName: 'Community school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10075128', postcode: 'TN23 3NA', town: 'Ashford', openDate: null,
    alliance: 'pathway', allianceRole: 'STRATEGIC_PARTNER', memberSince: '2015-09-01' },
  { urn: '990025', name: "St Martin's Church of England Primary School", laCode: '886', laName: 'Kent', establishmentNumber: '3121',
    typeCode: '3', typeName: 'Voluntary controlled school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '03', religiousCharacterName: 'Church of England', dioceseCode: 'CE06', dioceseName: 'Diocese of Canterbury',
    trustCode: null, trustName: null, ukprn: '10075203', postcode: 'CT1 1PW', town: 'Canterbury', openDate: null,
    alliance: 'pathway', allianceRole: 'MEMBER', memberSince: '2016-09-01' },
  { urn: '990026', name: 'Shepway Green Primary Academy', laCode: '886', laName: 'Kent', establishmentNumber: '2189',
    typeCode: '28', typeName: 'Academy sponsor led', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16422', trustName: 'Weald and Downs Academy Trust', ukprn: '10056377', postcode: 'CT19 5DS', town: 'Folkestone', openDate: '2017-06-01',
    alliance: 'pathway', allianceRole: 'MEMBER', memberSince: '2018-01-08' },
  { urn: '990027', name: 'Holy Cross Catholic Primary School', laCode: '886', laName: 'Kent', establishmentNumber: '3342',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC08', dioceseName: 'Archdiocese of Southwark',
    trustCode: null, trustName: null, ukprn: '10075290', postcode: 'ME14 2QT', town: 'Maidstone', openDate: null,
    alliance: 'pathway', allianceRole: 'ASSOCIATE', memberSince: '2021-01-04' },
  { urn: '990028', name: 'Len Valley School', laCode: '886', laName: 'Kent', establishmentNumber: '5432',
    typeCode: '5', typeName: 'Foundation school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 18, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10075344', postcode: 'ME15 8RF', town: 'Maidstone', openDate: null,
    alliance: 'pathway', allianceRole: 'STRATEGIC_PARTNER', memberSince: '2016-04-01' },

  // ---------------------------------------------------------------------------
  // forest: "Forest Learning Alliance" (Waltham Forest 320)
  // ---------------------------------------------------------------------------
  { urn: '990029', name: 'Lloyd Park Academy', laCode: '320', laName: 'Waltham Forest', establishmentNumber: '4015',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 18, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16530', trustName: 'Forest Schools Partnership Trust', ukprn: '10038190', postcode: 'E17 4QR', town: 'London', openDate: '2012-04-01',
    alliance: 'forest', allianceRole: 'LEAD_SCHOOL', memberSince: '2014-09-01' },
  { urn: '990030', name: 'Chingford Hatch Nursery School', laCode: '320', laName: 'Waltham Forest', establishmentNumber: '1002',
    typeCode: '15', typeName: 'Local authority nursery school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '1', phaseName: 'Nursery', lowAge: 2, highAge: 5, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: null, postcode: 'E4 9LX', town: 'London', openDate: null,
    alliance: 'forest', allianceRole: 'MEMBER', memberSince: '2016-09-01' },
  { urn: '990031', name: 'Leyton Marsh Primary School', laCode: '320', laName: 'Waltham Forest', establishmentNumber: '2019',
    typeCode: '1', typeName: 'Community school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10075611', postcode: 'E10 5NH', town: 'London', openDate: null,
    alliance: 'forest', allianceRole: 'STRATEGIC_PARTNER', memberSince: '2014-09-01' },
  { urn: '990032', name: "St Jude's Church of England Primary School", laCode: '320', laName: 'Waltham Forest', establishmentNumber: '3507',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '03', religiousCharacterName: 'Church of England', dioceseCode: 'CE08', dioceseName: 'Diocese of Chelmsford',
    trustCode: null, trustName: null, ukprn: '10075689', postcode: 'E17 7HT', town: 'London', openDate: null,
    alliance: 'forest', allianceRole: 'MEMBER', memberSince: '2015-09-01' },
  { urn: '990033', name: "St Columba's Catholic Primary School", laCode: '320', laName: 'Waltham Forest', establishmentNumber: '3512',
    typeCode: '2', typeName: 'Voluntary aided school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: '02', religiousCharacterName: 'Roman Catholic', dioceseCode: 'RC04', dioceseName: 'Diocese of Brentwood',
    trustCode: null, trustName: null, ukprn: '10075724', postcode: 'E11 3DW', town: 'London', openDate: null,
    alliance: 'forest', allianceRole: 'MEMBER', memberSince: '2018-09-01' },
  { urn: '990034', name: 'Highams Forest Primary Academy', laCode: '320', laName: 'Waltham Forest', establishmentNumber: '2087',
    typeCode: '34', typeName: 'Academy converter', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16530', trustName: 'Forest Schools Partnership Trust', ukprn: '10060145', postcode: 'E4 6BJ', town: 'London', openDate: '2019-03-01',
    alliance: 'forest', allianceRole: 'ASSOCIATE', memberSince: '2022-01-04' },
  { urn: '990035', name: 'Cann Hall Academy', laCode: '320', laName: 'Waltham Forest', establishmentNumber: '4032',
    typeCode: '28', typeName: 'Academy sponsor led', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 16, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16530', trustName: 'Forest Schools Partnership Trust', ukprn: '10047382', postcode: 'E11 3NQ', town: 'London', openDate: '2014-01-01',
    alliance: 'forest', allianceRole: 'MEMBER', memberSince: '2017-09-01' },

  // ---------------------------------------------------------------------------
  // Unaffiliated schools (alliance null)
  // ---------------------------------------------------------------------------
  { urn: '990036', name: 'Brixton Hill Primary School', laCode: '208', laName: 'Lambeth', establishmentNumber: '2073',
    typeCode: '1', typeName: 'Community school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 3, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10071562', postcode: 'SW2 1HN', town: 'London', openDate: null,
    alliance: null, allianceRole: null, memberSince: null },
  { urn: '990037', name: 'Tile Hill Wood Primary School', laCode: '331', laName: 'Coventry', establishmentNumber: '2125',
    typeCode: '1', typeName: 'Community school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: null, trustName: null, ukprn: '10072608', postcode: 'CV4 9PD', town: 'Coventry', openDate: null,
    alliance: null, allianceRole: null, memberSince: null },
  { urn: '990038', name: 'Croxley Moor School', laCode: '919', laName: 'Hertfordshire', establishmentNumber: '7005',
    typeCode: '36', typeName: 'Free schools special', typeGroupCode: '11', typeGroupName: 'Free Schools', statusCode: '1', statusName: 'Open',
    phaseCode: '0', phaseName: 'Not applicable', lowAge: 5, highAge: 16, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16371', trustName: 'Colne Valley Special Schools Trust', ukprn: '10086514', postcode: 'WD3 3JT', town: 'Rickmansworth', openDate: '2020-09-01',
    alliance: null, allianceRole: null, memberSince: null },
  { urn: '990039', name: 'Swalecliffe Coast Academy', laCode: '886', laName: 'Kent', establishmentNumber: '4310',
    typeCode: '28', typeName: 'Academy sponsor led', typeGroupCode: '10', typeGroupName: 'Academies', statusCode: '1', statusName: 'Open',
    phaseCode: '4', phaseName: 'Secondary', lowAge: 11, highAge: 18, religiousCharacterCode: null, religiousCharacterName: null, dioceseCode: null, dioceseName: null,
    trustCode: '16455', trustName: 'Coastal Kent Learning Trust', ukprn: '10049927', postcode: 'CT5 2QR', town: 'Whitstable', openDate: '2015-09-01',
    alliance: null, allianceRole: null, memberSince: null },
  { urn: '990040', name: "St Michael's Church of England Primary School", laCode: '306', laName: 'Croydon', establishmentNumber: '3028',
    typeCode: '3', typeName: 'Voluntary controlled school', typeGroupCode: '4', typeGroupName: 'Local authority maintained schools', statusCode: '1', statusName: 'Open',
    phaseCode: '2', phaseName: 'Primary', lowAge: 4, highAge: 11, religiousCharacterCode: '03', religiousCharacterName: 'Church of England', dioceseCode: 'CE36', dioceseName: 'Diocese of Southwark',
    trustCode: null, trustName: null, ukprn: '10072143', postcode: 'CR0 1TL', town: 'Croydon', openDate: null,
    alliance: null, allianceRole: null, memberSince: null },
];
