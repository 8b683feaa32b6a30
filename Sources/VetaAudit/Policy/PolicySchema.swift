// Generated from Schemas/audit-policy.xsd by `make embed-schema`. Do not edit.
// A test checks that it matches the file byte for byte.
enum PolicySchema {
    static let path = "Schemas/audit-policy.xsd"
    static let text = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Veta audit policy, version 1.0: the catalogue-level rules `veta audit catalogue` applies beyond
  the curriculum rules. Areas group curricula of one occupational field; within an area every
  technician and supervisor curriculum must include the safety-critical units of the area's
  operator curricula (progression). Hours norms per level override the built-in ones.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="urn:veta:audit-policy:1"
           targetNamespace="urn:veta:audit-policy:1"
           elementFormDefault="qualified"
           version="1.0.0">
  <xs:annotation>
    <xs:documentation>Rules for auditing a catalogue of curricula as a whole.</xs:documentation>
  </xs:annotation>

  <xs:element name="auditPolicy">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="area" minOccurs="0" maxOccurs="unbounded">
          <xs:annotation>
            <xs:documentation>An occupational area and the curricula (by code) that belong to it.</xs:documentation>
          </xs:annotation>
          <xs:complexType>
            <xs:sequence>
              <xs:element name="curriculum" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="code" use="required">
                    <xs:simpleType>
                      <xs:restriction base="xs:string">
                        <xs:pattern value="[A-Z0-9]{1,12}"/>
                      </xs:restriction>
                    </xs:simpleType>
                  </xs:attribute>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="name" type="xs:token" use="required"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="hours" minOccurs="0" maxOccurs="3">
          <xs:annotation>
            <xs:documentation>The plausible range of total hours for a level.</xs:documentation>
          </xs:annotation>
          <xs:complexType>
            <xs:attribute name="level" use="required">
              <xs:simpleType>
                <xs:restriction base="xs:string">
                  <xs:enumeration value="operator"/>
                  <xs:enumeration value="technician"/>
                  <xs:enumeration value="supervisor"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:attribute>
            <xs:attribute name="min" type="xs:nonNegativeInteger" use="required"/>
            <xs:attribute name="max" type="xs:nonNegativeInteger" use="required"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="holiday" minOccurs="0" maxOccurs="unbounded">
          <xs:annotation>
            <xs:documentation>A day off beyond Mexico's statutory rest days (LFT art. 74), which
              `veta audit records` skips when it counts working days (a local holiday, an election day
              on a weekday).</xs:documentation>
          </xs:annotation>
          <xs:complexType>
            <xs:attribute name="date" use="required">
              <xs:simpleType>
                <xs:restriction base="xs:date">
                  <xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:attribute>
            <xs:attribute name="name" type="xs:token"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""#
}
