import { byId, oneBy } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { School } from './school.entity';

export const schoolLoaders = {
  schoolById: byId(School),
  schoolByUrn: oneBy(School, 'urn'),
};

// GraphQL fields of School that are not a column of the same name (src/loaders/selection.ts).
declareFieldColumns(School, {
  fields: {
    localAuthority: ['laCode', 'laName'],
    typeOfEstablishment: ['typeCode', 'typeName'],
    establishmentTypeGroup: ['typeGroupCode', 'typeGroupName'],
    status: ['statusCode', 'statusName'],
    phase: ['phaseCode', 'phaseName'],
    religiousCharacter: ['religiousCharacterCode', 'religiousCharacterName'],
    diocese: ['dioceseCode', 'dioceseName'],
    trust: ['trustCode', 'trustName'],
    allianceMemberships: [],
  },
});
