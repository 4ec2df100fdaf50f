/** Code lists for claim hover and completion that the X12 dictionary does not hold (they are not X12 qualifiers). */

/** Place of service codes (CMS POS code set) most seen on 837P claims. */
export const PLACE_OF_SERVICE: Record<string, string> = {
  '02': 'Telehealth provided other than in the patient\'s home',
  '10': "Telehealth provided in the patient's home",
  '11': 'Office',
  '12': 'Home',
  '19': 'Off campus outpatient hospital',
  '20': 'Urgent care facility',
  '21': 'Inpatient hospital',
  '22': 'On campus outpatient hospital',
  '23': 'Emergency room, hospital',
  '24': 'Ambulatory surgical center',
  '31': 'Skilled nursing facility',
  '32': 'Nursing facility',
  '34': 'Hospice',
  '49': 'Independent clinic',
  '50': 'Federally qualified health center',
  '65': 'End-stage renal disease treatment facility',
  '72': 'Rural health clinic',
  '81': 'Independent laboratory',
};

/** Type of facility + bill classification (first two digits of the UB-04 bill type) most seen on 837I claims. */
export const FACILITY_TYPE: Record<string, string> = {
  '11': 'Hospital inpatient (Part A)',
  '12': 'Hospital inpatient (Part B only)',
  '13': 'Hospital outpatient',
  '14': 'Hospital other (Part B, non-patient)',
  '18': 'Hospital swing bed',
  '21': 'Skilled nursing inpatient (Part A)',
  '22': 'Skilled nursing inpatient (Part B)',
  '23': 'Skilled nursing outpatient',
  '32': 'Home health (Part B)',
  '34': 'Home health (other)',
  '71': 'Rural health clinic',
  '72': 'Hospital-based or independent renal dialysis facility',
  '73': 'Federally qualified health center',
  '74': 'Outpatient rehabilitation facility',
  '75': 'Comprehensive outpatient rehabilitation facility',
  '76': 'Community mental health center',
  '81': 'Hospice (non-hospital based)',
  '83': 'Ambulatory surgery center',
  '85': 'Critical access hospital',
};

